package io.github.poolbench.pool;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The outcomes of {@link WorkerPool#asCompleted}, in the order they finish. Iterate it once, from one
 * thread; every wait ends at the deadline set when it was made.
 *
 * <pre>{@code
 * for (Completion<Integer, Integer> done : pool.asCompleted(task, inputs)) {
 *     System.out.println(done.input() + " -> " + done.resultOrThrow());
 * }
 * }</pre>
 */
public final class Completions<T, R> implements Iterable<Completion<T, R>> {

    private final BlockingQueue<Completion<T, R>> finished = new LinkedBlockingQueue<>();
    private final int total;
    private final long deadlineNanos;
    private final Duration timeout;
    private final Runnable cancelOutstanding;
    private int taken;

    Completions(int total, Duration timeout, Runnable cancelOutstanding) {
        this.total = total;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.cancelOutstanding = cancelOutstanding;
    }

    void add(Completion<T, R> completion) {
        finished.add(completion);
    }

    /** How many outcomes have not been taken yet. */
    public synchronized int remaining() {
        return total - taken;
    }

    public synchronized boolean hasNext() {
        return taken < total;
    }

    /**
     * The next outcome to finish, waiting until the deadline at most.
     *
     * @throws PoolTimeoutException at the deadline; the inputs still outstanding are then cancelled
     * @throws NoSuchElementException when every outcome has been taken
     */
    public synchronized Completion<T, R> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("All " + total + " outcomes have been taken");
        }
        Completion<T, R> next = pollUntil(deadlineNanos);
        if (next == null) {
            cancel();
            throw new PoolTimeoutException("asCompleted did not finish within " + timeout + ": " + taken + " of "
                    + total + " inputs were done; the other " + (total - taken) + " were cancelled");
        }
        return next;
    }

    /** The next outcome if one finishes within {@code wait} (and before the deadline), else empty. */
    public synchronized Optional<Completion<T, R>> poll(Duration wait) {
        if (!hasNext()) {
            return Optional.empty();
        }
        long until = Math.min(deadlineNanos, System.nanoTime() + wait.toNanos());
        return Optional.ofNullable(pollUntil(until));
    }

    /**
     * Cancels the inputs that have not started yet and stops those running, as a timeout does (see
     * {@link WorkerPool#submit(Task, Object, Duration)}).
     */
    public void cancel() {
        cancelOutstanding.run();
    }

    @Override
    public Iterator<Completion<T, R>> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return Completions.this.hasNext();
            }

            @Override
            public Completion<T, R> next() {
                return Completions.this.next();
            }
        };
    }

    private Completion<T, R> pollUntil(long untilNanos) {
        try {
            Completion<T, R> next = finished.poll(untilNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next != null) {
                taken++;
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("Interrupted while waiting for the next of " + (total - taken) + " outcomes", e);
        }
    }
}
