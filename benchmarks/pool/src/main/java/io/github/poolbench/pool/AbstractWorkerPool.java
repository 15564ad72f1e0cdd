package io.github.poolbench.pool;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What every kind of pool shares: {@code submit}, {@code map} and {@code asCompleted} are all built on
 * {@link #dispatch(Chunk)}, which runs some consecutive inputs on one worker.
 */
abstract sealed class AbstractWorkerPool implements WorkerPool permits ThreadWorkerPool, ProcessWorkerPool {

    private static final AtomicInteger POOL_IDS = new AtomicInteger();
    private static final int MAX_INPUT_TEXT = 80;

    /** Tells pools apart in thread names. */
    protected final int poolId = POOL_IDS.incrementAndGet();

    private final PoolKind kind;
    private final int size;
    private final PoolOptions options;
    private final Set<Chunk<?, ?>> outstanding = ConcurrentHashMap.newKeySet();
    private final Object closeLock = new Object();
    private volatile boolean closed;

    /** How long a task that is being stopped has to show it ended, before the pool says it did not. */
    static final Duration STOP_GRACE = Duration.ofMillis(300);

    /** Fires timeouts for every pool: one daemon thread, idle but for a deadline. */
    static final ScheduledThreadPoolExecutor TIMER = timer();

    /**
     * Consecutive inputs one worker runs in one go, and where their results go. Identity matters: a chunk
     * is one submission, and hashing its inputs would cost O(n) and call user code.
     */
    static final class Chunk<T, R> {
        private final Task<T, R> task;
        private final List<T> inputs;
        private final int firstIndex;
        private final CompletableFuture<List<R>> results;
        /** The thread running it on a THREAD or VIRTUAL pool, else null. */
        final AtomicReference<Thread> runner = new AtomicReference<>();
        /** Set once the pool is stopping it: its own outcome no longer counts. */
        volatile boolean stopping;
        /** VIRTUAL: whether its thread still holds a permit. */
        volatile java.util.concurrent.atomic.AtomicBoolean permitHeld;
        /** THREAD: set while the pool runs one thread more because this chunk's thread ignored a stop. */
        final java.util.concurrent.atomic.AtomicBoolean grown = new java.util.concurrent.atomic.AtomicBoolean();

        /** @param firstIndex the first input's index in a {@code map}, or -1 for a lone {@code submit} */
        Chunk(Task<T, R> task, List<T> inputs, int firstIndex, CompletableFuture<List<R>> results) {
            this.task = task;
            this.inputs = inputs;
            this.firstIndex = firstIndex;
            this.results = results;
        }

        Task<T, R> task() {
            return task;
        }

        List<T> inputs() {
            return inputs;
        }

        int firstIndex() {
            return firstIndex;
        }

        CompletableFuture<List<R>> results() {
            return results;
        }

        /** Names one input of the chunk for error messages, e.g. {@code input 7 (index 3)}. */
        String describe(int offset) {
            String text = String.valueOf(inputs.get(offset));
            if (text.length() > MAX_INPUT_TEXT) {
                text = text.substring(0, MAX_INPUT_TEXT) + "…";
            }
            return "input " + text + (firstIndex < 0 ? "" : " (index " + (firstIndex + offset) + ")");
        }

        /** Names the whole chunk, e.g. {@code input 7 (index 3)} or {@code inputs at indices 0..9}. */
        String describe() {
            return inputs.size() == 1
                    ? describe(0)
                    : "inputs at indices " + firstIndex + ".." + (firstIndex + inputs.size() - 1);
        }
    }

    /** A submitted task's future: {@code cancel(true)} stops the task, as a timeout does. */
    private final class TaskFuture<R> extends CompletableFuture<R> {
        private final Chunk<?, ?> chunk;

        TaskFuture(Chunk<?, ?> chunk) {
            this.chunk = chunk;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled && mayInterruptIfRunning) {
                stop(chunk, detail -> new PoolException(chunk.describe() + " was cancelled; " + detail));
            } else if (cancelled) {
                chunk.results().cancel(false); // not started: it never will; running: it finishes unheard
            }
            return cancelled;
        }
    }

    AbstractWorkerPool(PoolKind kind, int size, PoolOptions options) {
        this.kind = kind;
        this.size = size;
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Runs the chunk on a worker, now or when one is free; must complete {@code chunk.results()} one way
     * or another, and skip a chunk whose results are already done (cancelled).
     */
    protected abstract void dispatch(Chunk<?, ?> chunk);

    /** Dispatches several chunks, in order; a pool may do it in one go. */
    protected void dispatchAll(List<? extends Chunk<?, ?>> chunks) {
        for (Chunk<?, ?> chunk : chunks) {
            dispatch(chunk);
        }
    }

    /**
     * Ends the chunk's work now, wherever it is, and completes its results with
     * {@code failure.apply(detail)}, the detail saying what became of it (not started; stopped, with a
     * worker's thread dump; interrupted, and whether it ignored that). A worker stopped so is replaced:
     * the pool keeps its strength. Returns at once; the results may complete a short grace later.
     */
    protected abstract void stop(Chunk<?, ?> chunk, Function<String, PoolException> failure);

    /** Ends the workers: gracefully within the close grace, then forcibly. Called once. */
    protected abstract void shutdownWorkers();

    @Override
    public final PoolKind kind() {
        return kind;
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final PoolOptions options() {
        return options;
    }

    protected final boolean isClosed() {
        return closed;
    }

    protected final PoolClosedException closedError() {
        return new PoolClosedException("This " + this + " is closed; open a new pool to run more tasks");
    }

    @Override
    public <T, R> CompletableFuture<R> submit(Task<T, R> task, T input) {
        Chunk<T, R> chunk = start(task, Collections.singletonList(input), -1);
        TaskFuture<R> future = new TaskFuture<>(chunk);
        chunk.results().whenComplete((results, error) -> {
            if (error == null) {
                future.complete(results.getFirst());
            } else {
                future.completeExceptionally(error);
            }
        });
        return future;
    }

    @Override
    public <T, R> CompletableFuture<R> submit(Task<T, R> task, T input, Duration timeout) {
        deadline(timeout);
        CompletableFuture<R> future = submit(task, input);
        Chunk<?, ?> chunk = ((TaskFuture<R>) future).chunk;
        ScheduledFuture<?> alarm = TIMER.schedule(
                () -> stop(
                        chunk,
                        detail -> new PoolTimeoutException(
                                chunk.describe() + " did not finish within " + timeout + "; " + detail)),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
        chunk.results().whenComplete((results, error) -> alarm.cancel(false));
        return future;
    }

    @Override
    public <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize, Duration timeout) {
        if (chunkSize < 0) {
            throw new IllegalArgumentException(
                    "chunkSize must be at least 1, or DEFAULT_CHUNK_SIZE (0), got " + chunkSize);
        }
        long deadline = deadline(timeout);
        List<T> all = copy(inputs);
        if (chunkSize == DEFAULT_CHUNK_SIZE) {
            chunkSize = defaultChunkSize(all.size(), size);
        }
        List<Chunk<T, R>> chunks = new ArrayList<>((all.size() + chunkSize - 1) / chunkSize);
        for (int from = 0; from < all.size(); from += chunkSize) {
            chunks.add(prepare(task, all.subList(from, Math.min(all.size(), from + chunkSize)), from));
        }
        dispatchAll(chunks);
        // One wake-up for the caller: when all are done, or at the first failure.
        CompletableFuture<Void> settled = new CompletableFuture<>();
        AtomicInteger unfinished = new AtomicInteger(chunks.size());
        if (chunks.isEmpty()) {
            settled.complete(null);
        }
        for (Chunk<T, R> chunk : chunks) {
            chunk.results().whenComplete((results, error) -> {
                if (error != null || unfinished.decrementAndGet() == 0) {
                    settled.complete(null);
                }
            });
        }
        boolean allIn = false;
        try {
            await(
                    settled,
                    deadline,
                    () -> "map of " + all.size() + " inputs did not finish within " + timeout
                            + "; "
                            + chunks.stream()
                                    .filter(chunk -> chunk.results().isDone())
                                    .count() + " of "
                            + chunks.size() + " chunks were done and the rest were cancelled",
                    "map of " + all.size() + " inputs");
            List<R> results = new ArrayList<>(all.size());
            for (Chunk<T, R> chunk : chunks) {
                if (!chunk.results().isDone()) {
                    continue; // after a failure elsewhere
                }
                try {
                    results.addAll(chunk.results().join());
                } catch (CompletionException | CancellationException e) {
                    throw asPoolException(e, chunk);
                }
            }
            allIn = results.size() == all.size();
            return results;
        } catch (PoolTimeoutException timedOut) {
            // What started is stopped, not left to burn a worker: the pool it gave up on stays usable.
            for (Chunk<T, R> chunk : chunks) {
                if (!chunk.results().isDone()) {
                    stop(
                            chunk,
                            detail -> new PoolTimeoutException(chunk.describe() + " was stopped when the map of "
                                    + all.size() + " inputs timed out after " + timeout + "; " + detail));
                }
            }
            throw timedOut;
        } finally {
            if (!allIn) {
                chunks.forEach(chunk -> chunk.results().cancel(false));
            }
        }
    }

    /** Python's {@code Pool.map} default: ceil(n / (4 × workers)), at least 1; 1 with no cap on workers. */
    static int defaultChunkSize(int inputs, int workers) {
        return workers == 0 ? 1 : Math.max(1, (int) ((inputs + 4L * workers - 1) / (4L * workers)));
    }

    @Override
    public <T, R> Stream<R> imap(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize) {
        return lazyMap(task, inputs, chunkSize, true);
    }

    @Override
    public <T, R> Stream<R> imapUnordered(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize) {
        return lazyMap(task, inputs, chunkSize, false);
    }

    private <T, R> Stream<R> lazyMap(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize, boolean ordered) {
        Objects.requireNonNull(task, "task");
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be at least 1, got " + chunkSize);
        }
        if (closed) {
            throw closedError();
        }
        LazyMap<T, R> lazy = new LazyMap<>(task, inputs.iterator(), chunkSize, ordered);
        int characteristics = ordered ? Spliterator.ORDERED : 0;
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(lazy, characteristics), false)
                .onClose(lazy::stopAll);
    }

    /**
     * The iterator behind {@code imap}: keeps up to {@code 4 × workers} chunks in flight, reading inputs
     * only to refill that window, and hands out results in input order or as chunks finish.
     */
    private final class LazyMap<T, R> implements Iterator<R> {
        private final Task<T, R> task;
        private final Iterator<? extends T> source;
        private final int chunkSize;
        private final boolean ordered;
        private final int window = 4 * Math.max(1, Math.min(size, 64)) + (size == 0 ? 60 : 0);
        /** Chunks dispatched and not yet handed out, oldest first. */
        private final ArrayDeque<Chunk<T, R>> inFlight = new ArrayDeque<>();
        /** Chunks that finished, in that order (unordered only). */
        private final BlockingQueue<Chunk<T, R>> finished = new LinkedBlockingQueue<>();

        private Iterator<R> current = Collections.emptyIterator();
        private int nextIndex;

        LazyMap(Task<T, R> task, Iterator<? extends T> source, int chunkSize, boolean ordered) {
            this.task = task;
            this.source = source;
            this.chunkSize = chunkSize;
            this.ordered = ordered;
        }

        @Override
        public boolean hasNext() {
            refill();
            return current.hasNext() || !inFlight.isEmpty();
        }

        @Override
        public R next() {
            if (!hasNext()) {
                throw new NoSuchElementException("every result has been taken");
            }
            if (!current.hasNext()) {
                Chunk<T, R> done = ordered ? inFlight.peekFirst() : takeFinished();
                List<R> results;
                try {
                    results = done.results().get(options.defaultTimeout().toNanos(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    stopAll();
                    throw new PoolTimeoutException("imap: the result for " + done.describe() + " did not come within "
                            + options.defaultTimeout() + "; the inputs in flight were stopped");
                } catch (ExecutionException | CancellationException e) {
                    stopAll();
                    throw asPoolException(e instanceof ExecutionException ? e.getCause() : e, done);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopAll();
                    throw new PoolException("Interrupted while waiting for the result for " + done.describe(), e);
                }
                inFlight.remove(done);
                current = results.iterator();
                refill();
            }
            return current.next();
        }

        private Chunk<T, R> takeFinished() {
            try {
                Chunk<T, R> done = finished.poll(options.defaultTimeout().toNanos(), TimeUnit.NANOSECONDS);
                if (done == null) {
                    stopAll();
                    throw new PoolTimeoutException("imapUnordered: no result came within " + options.defaultTimeout()
                            + "; the " + inFlight.size() + " chunks in flight were stopped");
                }
                return done;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopAll();
                throw new PoolException("Interrupted while waiting for the next result", e);
            }
        }

        private void refill() {
            while (inFlight.size() < window && source.hasNext()) {
                List<T> inputs = new ArrayList<>(chunkSize);
                while (inputs.size() < chunkSize && source.hasNext()) {
                    inputs.add(source.next());
                }
                Chunk<T, R> chunk = prepare(task, Collections.unmodifiableList(inputs), nextIndex);
                nextIndex += inputs.size();
                inFlight.add(chunk);
                if (!ordered) {
                    chunk.results().whenComplete((results, error) -> finished.add(chunk));
                }
                dispatch(chunk);
            }
        }

        void stopAll() {
            for (Chunk<T, R> chunk : List.copyOf(inFlight)) {
                if (!chunk.results().isDone()) {
                    stop(
                            chunk,
                            detail -> new PoolException(chunk.describe() + " was stopped with its imap; " + detail));
                }
            }
            inFlight.clear();
        }
    }

    @Override
    public <T, R> Completions<T, R> asCompleted(Task<T, R> task, Iterable<? extends T> inputs, Duration timeout) {
        deadline(timeout);
        List<T> all = copy(inputs);
        List<Chunk<T, R>> chunks = new ArrayList<>(all.size());
        Completions<T, R> completions = new Completions<>(all.size(), timeout, () -> {
            for (Chunk<T, R> chunk : chunks) {
                if (!chunk.results().isDone()) {
                    stop(chunk, detail -> new PoolException(chunk.describe() + " was cancelled; " + detail));
                }
            }
        });
        for (int index = 0; index < all.size(); index++) {
            Chunk<T, R> chunk = prepare(task, Collections.singletonList(all.get(index)), index);
            chunks.add(chunk);
            int at = index;
            chunk.results()
                    .whenComplete((results, error) -> completions.add(
                            error == null
                                    ? new Completion<>(at, chunk.inputs().getFirst(), results.getFirst(), null)
                                    : new Completion<>(
                                            at, chunk.inputs().getFirst(), null, asPoolException(error, chunk))));
        }
        dispatchAll(chunks);
        return completions;
    }

    @Override
    public final void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                shutdownWorkers();
            } finally {
                for (Chunk<?, ?> chunk : List.copyOf(outstanding)) {
                    chunk.results()
                            .completeExceptionally(new PoolClosedException(
                                    "The " + this + " was closed before " + chunk.describe() + " finished"));
                }
            }
        }
    }

    @Override
    public String toString() {
        return kind + " pool " + poolId + " (" + (size == 0 ? "unbounded" : size + " workers") + ")";
    }

    private <T, R> Chunk<T, R> start(Task<T, R> task, List<T> inputs, int firstIndex) {
        Chunk<T, R> chunk = prepare(task, inputs, firstIndex);
        dispatch(chunk);
        return chunk;
    }

    /** A chunk, tracked so that close() can fail it, not yet dispatched. */
    private <T, R> Chunk<T, R> prepare(Task<T, R> task, List<T> inputs, int firstIndex) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw closedError();
        }
        Chunk<T, R> chunk = new Chunk<>(task, inputs, firstIndex, new CompletableFuture<>());
        outstanding.add(chunk);
        chunk.results().whenComplete((results, error) -> outstanding.remove(chunk));
        return chunk;
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().name("poolbench-timeouts").daemon(true).factory());
        timer.setRemoveOnCancelPolicy(true); // a map of a million inputs leaves no million dead alarms
        return timer;
    }

    private static void await(CompletableFuture<?> future, long deadline, Supplier<String> onTimeout, String what) {
        try {
            future.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new PoolTimeoutException(onTimeout.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("Interrupted while waiting for the " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("never fails", e);
        }
    }

    private static PoolException asPoolException(Throwable error, Chunk<?, ?> chunk) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof PoolException poolException) {
            return poolException;
        }
        if (cause instanceof CancellationException) {
            return new PoolException(chunk.describe() + " was cancelled", cause);
        }
        return new PoolException("Unexpected failure of " + chunk.describe() + ": " + cause, cause);
    }

    static long deadline(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        return System.nanoTime() + timeout.toNanos();
    }

    private static <T> List<T> copy(Iterable<? extends T> inputs) {
        List<T> all = new ArrayList<>();
        inputs.forEach(all::add);
        return Collections.unmodifiableList(all);
    }
}
