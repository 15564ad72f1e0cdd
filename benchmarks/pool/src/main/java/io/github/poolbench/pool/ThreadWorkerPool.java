package io.github.poolbench.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link PoolKind#THREAD} (a fixed pool of named daemon platform threads) and {@link PoolKind#VIRTUAL}
 * (a virtual thread per chunk, at most {@code size} of them past a fair semaphore, so that a sweep over
 * sizes compares like with like; size 0 lifts the cap).
 */
final class ThreadWorkerPool extends AbstractWorkerPool {

    private static final int PRUNE_AT_LEAST = 1024;

    private final ExecutorService executor;
    /** Per thread: TRUE once the initializer ran, or what it threw. */
    private final ThreadLocal<Object> initialized = new ThreadLocal<>();
    /** Caps a bounded virtual pool; {@code null} when the executor itself caps (THREAD) or nothing does. */
    private final Semaphore permits;
    /** A capped VIRTUAL pool's chunks not yet started, oldest first ({@link #runOldestWaiting}). */
    private final ConcurrentLinkedQueue<Chunk<?, ?>> waiting = new ConcurrentLinkedQueue<>();
    /** Every thread started, less those found dead when the set grows; close joins what is in it. */
    private final Set<Thread> startedThreads = ConcurrentHashMap.newKeySet();

    private final AtomicInteger pruneAt = new AtomicInteger(PRUNE_AT_LEAST);
    /** Set when close() interrupts the tasks still running past the grace: they then fail as closed. */
    private volatile boolean interruptedByClose;

    ThreadWorkerPool(PoolKind kind, int size, PoolOptions options) {
        super(kind, size, options);
        String prefix = "poolbench-" + kind.name().toLowerCase(Locale.ROOT) + "-" + poolId + "-";
        ThreadFactory named = kind == PoolKind.VIRTUAL
                ? Thread.ofVirtual().name(prefix, 0).factory()
                : Thread.ofPlatform().name(prefix, 0).daemon(true).factory();
        ThreadFactory tracked = runnable -> {
            Thread thread = named.newThread(runnable);
            track(thread);
            return thread;
        };
        this.executor = kind == PoolKind.VIRTUAL
                ? Executors.newThreadPerTaskExecutor(tracked)
                : new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), tracked);
        this.permits = kind == PoolKind.VIRTUAL && size > 0 ? new Semaphore(size, true) : null;
    }

    /** Opens a pool, warmed up first if {@link PoolOptions#warmUp()} asks for it. */
    static ThreadWorkerPool open(PoolKind kind, int size, PoolOptions options) {
        ThreadWorkerPool pool = new ThreadWorkerPool(kind, size, options);
        if (options.warmUp()) {
            try {
                pool.warmUp();
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }
        return pool;
    }

    /**
     * Loads the warm-up classes, then runs the initializer on every thread of a THREAD pool (each waits
     * for the others, so that each lands on a thread of its own) or once on a virtual thread.
     */
    private void warmUp() {
        long deadline = System.nanoTime() + options().startTimeout().toNanos();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            for (String name : options().warmUpClasses()) {
                Class.forName(name, true, loader);
            }
            int threads = kind() == PoolKind.THREAD ? size() : 1;
            CountDownLatch everyThread = new CountDownLatch(threads);
            List<Future<Throwable>> outcomes = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                outcomes.add(executor.submit(() -> {
                    everyThread.countDown();
                    everyThread.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    return initializeThisThread();
                }));
            }
            for (Future<Throwable> outcome : outcomes) {
                Throwable failed = outcome.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (failed != null) {
                    throw new PoolException(
                            "The pool's initializer failed while the " + this + " warmed up: " + failed, failed);
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PoolException("The " + this + " could not load a warm-up class: " + e, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PoolException(
                    "The " + this + " did not warm up within " + options().startTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoolException("Interrupted while the " + this + " warmed up", e);
        }
    }

    /** The threads this pool started that have not finished yet; for tests that prove none is left. */
    Set<Thread> liveThreads() {
        return startedThreads.stream().filter(Thread::isAlive).collect(Collectors.toUnmodifiableSet());
    }

    private void track(Thread thread) {
        startedThreads.add(thread);
        int limit = pruneAt.get();
        if (startedThreads.size() > limit && pruneAt.compareAndSet(limit, Integer.MAX_VALUE)) {
            // A thread that is done has left its run() but may not count as dead yet, so it is not removed
            // from inside: pruning here keeps the set small without missing one at close.
            startedThreads.removeIf(started -> !started.isAlive());
            pruneAt.set(Math.max(PRUNE_AT_LEAST, 2 * startedThreads.size()));
        }
    }

    @Override
    protected void dispatch(Chunk<?, ?> chunk) {
        try {
            if (permits != null) {
                waiting.add(chunk);
                executor.execute(this::runOldestWaiting);
            } else {
                executor.execute(() -> run(chunk));
            }
        } catch (RejectedExecutionException e) {
            waiting.remove(chunk);
            chunk.results().completeExceptionally(closedError());
        }
    }

    /**
     * A capped VIRTUAL pool's thread: takes a permit, then the oldest chunk waiting. New virtual threads
     * reach the permit in any order, so a thread that ran its own chunk could start the third task before
     * the first; taking the oldest starts chunks in the order they were dispatched, as a queue does.
     */
    private void runOldestWaiting() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Chunk<?, ?> chunk = waiting.poll();
            if (chunk != null) {
                chunk.results()
                        .completeExceptionally(new PoolClosedException(
                                "The " + this + " was closed while " + chunk.describe() + " waited for a worker"));
            }
            return;
        }
        Chunk<?, ?> chunk = waiting.poll();
        if (chunk == null) {
            permits.release(); // every dispatch adds one chunk and one thread: not reached
            return;
        }
        run(chunk);
    }

    /** Runs {@code chunk} on this thread; in a capped VIRTUAL pool, with the permit already held. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void run(Chunk chunk) {
        if (chunk.results().isDone()) {
            if (permits != null) {
                permits.release();
            }
            return;
        }
        Throwable setUpFailed = initializeThisThread();
        if (setUpFailed != null) {
            if (permits != null) {
                permits.release();
            }
            chunk.results()
                    .completeExceptionally(new TaskFailedException(
                            "The pool's initializer failed on "
                                    + Thread.currentThread().getName() + ", so " + chunk.describe() + " did not run: "
                                    + setUpFailed,
                            setUpFailed));
            return;
        }
        Thread me = Thread.currentThread();
        AtomicBoolean permitHeld = new AtomicBoolean(permits != null);
        chunk.permitHeld = permitHeld;
        try {
            if (chunk.results().isDone() || !chunk.runner.compareAndSet(null, me)) {
                return;
            }
            ChunkRun run = ChunkRun.apply(chunk.task(), chunk.inputs());
            synchronized (chunk) { // so that stop() interrupts this task, never the next one on this thread
                chunk.runner.set(null);
            }
            if (chunk.stopping) {
                Thread.interrupted(); // the interrupt was for this task, not for the next on this thread
                return; // stop() reports it
            }
            if (run.failure() == null) {
                chunk.results().complete(run.results());
            } else if (interruptedByClose) {
                // What a PROCESS pool reports when close() ends a worker mid-task: the same event, the same type.
                PoolClosedException closed = new PoolClosedException("The " + this + " was closed before "
                        + chunk.describe() + " finished; its thread was interrupted and the task ended with "
                        + run.failure());
                closed.initCause(run.failure());
                chunk.results().completeExceptionally(closed);
            } else {
                chunk.results()
                        .completeExceptionally(new TaskFailedException(
                                "Task failed on " + chunk.describe(run.failedAt()) + ": " + run.failure(),
                                run.failure()));
            }
        } finally {
            chunk.runner.compareAndSet(me, null);
            if (permitHeld.compareAndSet(true, false)) {
                permits.release();
            }
            shrinkOnce(chunk); // if a thread took its place, it is no longer needed
        }
    }

    /** Runs the initializer the first time this thread runs a chunk; what it threw, or null. */
    private Throwable initializeThisThread() {
        Initializer initializer = options().initializer();
        if (initializer == null) {
            return null;
        }
        Object state = initialized.get();
        if (state == null) {
            try {
                initializer.initialize();
                state = Boolean.TRUE;
            } catch (Exception | Error e) {
                state = e;
            }
            initialized.set(state);
        }
        return state instanceof Throwable failure ? failure : null;
    }

    /**
     * Interrupts the chunk's thread; a grace later, reports whether the task ended. One that ignored the
     * interrupt keeps its thread, so the pool takes on one more thread (THREAD) or frees its permit
     * (VIRTUAL) and stays at full strength.
     */
    @Override
    protected void stop(Chunk<?, ?> chunk, Function<String, PoolException> failure) {
        chunk.stopping = true;
        Thread thread;
        synchronized (chunk) {
            if (chunk.results().isDone()) {
                return; // it ended, or an earlier stop claimed it before it started
            }
            thread = runnerOrClaim(chunk);
            if (thread == null) { // it will not start now
                chunk.results().completeExceptionally(failure.apply("it had not started"));
                return;
            }
            thread.interrupt();
        }
        TIMER.schedule(
                () -> {
                    if (chunk.runner.get() != thread) {
                        chunk.results()
                                .completeExceptionally(failure.apply(
                                        "its thread " + thread.getName() + " was interrupted, and the task ended"));
                        return;
                    }
                    grow(chunk);
                    if (chunk.runner.get() != thread) {
                        shrinkOnce(chunk); // it ended just now, after all
                    }
                    chunk.results()
                            .completeExceptionally(
                                    failure.apply(
                                            "its thread " + thread.getName()
                                                    + " was interrupted but the task ignored it and still runs; the pool carries on without that thread"));
                },
                STOP_GRACE.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /**
     * The thread running the chunk, or null once the caller has claimed it before any thread took it up.
     * A thread can take it between the read and the claim; the claim then fails and the next read finds
     * that thread. Giving up there instead left the task running unstopped, and a pool of one stuck.
     */
    private static Thread runnerOrClaim(Chunk<?, ?> chunk) {
        while (true) {
            Thread thread = chunk.runner.get();
            if (thread != null) {
                return thread;
            }
            if (chunk.runner.compareAndSet(null, Thread.currentThread())) {
                return null;
            }
        }
    }

    private void grow(Chunk<?, ?> chunk) {
        if (executor instanceof ThreadPoolExecutor threads) {
            synchronized (threads) {
                threads.setMaximumPoolSize(threads.getMaximumPoolSize() + 1);
                threads.setCorePoolSize(threads.getCorePoolSize() + 1);
            }
            chunk.grown.set(true);
        } else if (chunk.permitHeld != null && chunk.permitHeld.compareAndSet(true, false)) {
            permits.release();
        }
    }

    /** Undoes {@link #grow} once the stopped task has ended after all. */
    private void shrinkOnce(Chunk<?, ?> chunk) {
        if (chunk.grown.compareAndSet(true, false)
                && executor instanceof ThreadPoolExecutor threads
                && !threads.isShutdown()) {
            synchronized (threads) {
                threads.setCorePoolSize(threads.getCorePoolSize() - 1);
                threads.setMaximumPoolSize(threads.getMaximumPoolSize() - 1);
            }
        }
    }

    @Override
    protected void shutdownWorkers() {
        Duration grace = options().closeGrace();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                interruptedByClose = true;
                executor.shutdownNow(); // interrupts the tasks still running
                executor.awaitTermination(Math.max(grace.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
            }
            // A thread is dead only a little after the executor counts it done.
            for (Thread thread : List.copyOf(startedThreads)) {
                thread.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            interruptedByClose = true;
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
