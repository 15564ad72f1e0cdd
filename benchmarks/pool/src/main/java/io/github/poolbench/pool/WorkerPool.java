package io.github.poolbench.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A pool of workers, processes or threads, behind the API the lesson uses from Python:
 * {@code Pool(n).map}, {@code ThreadPoolExecutor.submit} and {@code as_completed}.
 *
 * <pre>{@code
 * try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 4)) {
 *     List<Integer> squares = pool.map(x -> x * x, List.of(1, 2, 3));
 *     System.out.println(squares); // [1, 4, 9]
 * }
 * }</pre>
 *
 * <p>The lambda's own class is allowed in worker processes automatically; other classes that inputs and
 * results are made of need {@link PoolOptions#withAllowedClasses}, unless they are JDK value types.
 *
 * <p>Every blocking call has a timeout: the explicit one, or {@link PoolOptions#defaultTimeout()}. Every
 * error is a {@link PoolException} that names the input concerned. A failed input never spoils the pool.
 */
public interface WorkerPool extends AutoCloseable {

    /** The chunk size that asks {@code map} for its default, ceil(n / (4 × workers)). */
    int DEFAULT_CHUNK_SIZE = 0;

    /**
     * The chunk size {@code map} picks for {@code inputs} inputs on {@code workers} workers when asked for
     * {@link #DEFAULT_CHUNK_SIZE}: ceil(inputs / (4 × workers)), at least 1. The site marks it on its charts.
     */
    static int defaultChunkSize(int inputs, int workers) {
        return AbstractWorkerPool.defaultChunkSize(inputs, workers);
    }

    /**
     * Opens a pool of {@code size} workers with the default options. For {@link PoolKind#PROCESS} this
     * returns once every worker JVM has answered its handshake.
     *
     * @param size the number of workers, at least 1; for {@link PoolKind#VIRTUAL} 0 means no cap
     * @throws PoolException for {@link PoolKind#PROCESS}: at once if {@code size} is past the cap on worker
     *     processes ({@link PoolOptions#workerProcessCap()}), or when not every worker has answered within
     *     {@link PoolOptions#startTimeout()}; either way no worker is left running
     */
    static WorkerPool open(PoolKind kind, int size) {
        return open(kind, size, PoolOptions.defaults());
    }

    /** Opens a pool as {@link #open(PoolKind, int)} does, with the given options. */
    static WorkerPool open(PoolKind kind, int size, PoolOptions options) {
        if (size < 0 || (size == 0 && kind != PoolKind.VIRTUAL)) {
            throw new IllegalArgumentException("A " + kind + " pool needs at least one worker, got size " + size
                    + (kind == PoolKind.VIRTUAL ? "" : " (only VIRTUAL accepts 0, meaning no cap)"));
        }
        return switch (kind) {
            case THREAD, VIRTUAL -> ThreadWorkerPool.open(kind, size, options);
            case PROCESS -> ProcessWorkerPool.start(size, options);
        };
    }

    /** A virtual-thread pool that starts every task at once, with no cap: {@code open(VIRTUAL, 0)}. */
    static WorkerPool unboundedVirtual() {
        return open(PoolKind.VIRTUAL, 0);
    }

    PoolKind kind();

    /** The number of workers, or 0 for an unbounded virtual pool. */
    int size();

    /** The options this pool was opened with. */
    PoolOptions options();

    /**
     * Starts {@code task} on {@code input} and returns at once. The future fails with a
     * {@link PoolException} (mostly {@link TaskFailedException}) naming the input. Actions chained on it
     * without {@code Async} run on the pool's own threads (for {@code PROCESS}, the thread that reads
     * the worker's replies): keep them short, or use the {@code …Async} variants.
     *
     * @throws PoolClosedException if the pool is closed
     */
    <T, R> CompletableFuture<R> submit(Task<T, R> task, T input);

    /**
     * {@link #submit(Task, Object)}, and the task is stopped if it has not finished within
     * {@code timeout}: the future then fails with a {@link PoolTimeoutException} that says what became of
     * it. {@code PROCESS}: the worker's thread dump goes into the message, then the worker is killed and
     * replaced. {@code THREAD} and {@code VIRTUAL}: the task's thread is interrupted, and the message says
     * whether the task ended or ignored the interrupt (its thread then runs on, and the pool starts
     * another in its place). {@code cancel(true)} on any submitted future stops its task the same way.
     */
    <T, R> CompletableFuture<R> submit(Task<T, R> task, T input, Duration timeout);

    /** {@link #map(Task, Iterable, int, Duration)} with the default chunk size and timeout. */
    default <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> inputs) {
        return map(task, inputs, DEFAULT_CHUNK_SIZE, options().defaultTimeout());
    }

    /** {@link #map(Task, Iterable, int, Duration)} with the default chunk size. */
    default <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> inputs, Duration timeout) {
        return map(task, inputs, DEFAULT_CHUNK_SIZE, timeout);
    }

    /** {@link #map(Task, Iterable, int, Duration)} with the default timeout. */
    default <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize) {
        return map(task, inputs, chunkSize, options().defaultTimeout());
    }

    /**
     * Applies {@code task} to every input and returns the results in input order, like Python's
     * {@code Pool.map}. As soon as an input fails, the inputs not yet started are cancelled and the error
     * of the earliest input known to have failed is thrown. At the timeout the inputs not yet started are
     * cancelled and those running are stopped as {@link #submit(Task, Object, Duration)} stops a task.
     *
     * @param chunkSize how many consecutive inputs a worker takes at once; larger chunks save round
     *     trips to worker processes, smaller ones balance load. {@link #DEFAULT_CHUNK_SIZE} (0) picks
     *     Python's default: ceil(n / (4 × workers)) for n inputs, so each worker gets about four chunks
     *     (1 on an unbounded virtual pool)
     * @throws TaskFailedException if a task threw
     * @throws WorkerDiedException if a worker process died, or stopped answering (see
     *     {@link PoolOptions#heartbeatTimeout()}), while running one of the inputs; its {@code reason()} says how
     * @throws PoolTimeoutException if not every result came within {@code timeout}
     * @throws PoolClosedException if the pool is closed
     */
    <T, R> List<R> map(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize, Duration timeout);

    /** {@link #imap(Task, Iterable, int)} with chunks of one input. */
    default <T, R> Stream<R> imap(Task<T, R> task, Iterable<? extends T> inputs) {
        return imap(task, inputs, 1);
    }

    /**
     * Applies {@code task} to every input, lazily, and streams the results in input order, like Python's
     * {@code Pool.imap}. Inputs are read only as results are taken, with at most four chunks per worker
     * in flight (Python 3.14's {@code buffersize}), so a million inputs never sit in memory at once.
     * Each result waits at most {@link PoolOptions#defaultTimeout()}. The first failure is thrown from
     * the stream, as its {@link PoolException}; closing the stream, or a failure, stops what is still
     * running.
     */
    <T, R> Stream<R> imap(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize);

    /** {@link #imapUnordered(Task, Iterable, int)} with chunks of one input. */
    default <T, R> Stream<R> imapUnordered(Task<T, R> task, Iterable<? extends T> inputs) {
        return imapUnordered(task, inputs, 1);
    }

    /** {@link #imap(Task, Iterable, int)} with results in the order they finish, like Python's {@code imap_unordered}. */
    <T, R> Stream<R> imapUnordered(Task<T, R> task, Iterable<? extends T> inputs, int chunkSize);

    /** {@link #asCompleted(Task, Iterable, Duration)} with the default timeout. */
    default <T, R> Completions<T, R> asCompleted(Task<T, R> task, Iterable<? extends T> inputs) {
        return asCompleted(task, inputs, options().defaultTimeout());
    }

    /**
     * Submits {@code task} for every input and yields each outcome as it finishes, like Python's
     * {@code as_completed(pool.submit(...) for ...)}. Failures are yielded, not thrown.
     *
     * @param timeout for the whole iteration, from now, as Python's {@code as_completed(timeout=)}
     * @throws PoolClosedException if the pool is closed
     */
    <T, R> Completions<T, R> asCompleted(Task<T, R> task, Iterable<? extends T> inputs, Duration timeout);

    /**
     * Stops taking tasks, lets running and queued tasks finish within {@link PoolOptions#closeGrace()},
     * then ends the workers and fails what is left with {@link PoolClosedException}. Closing twice does
     * nothing.
     *
     * <p>{@code PROCESS}: returns when every worker process has ended, killed past the grace if need be,
     * together with the processes its tasks started. {@code THREAD} and {@code VIRTUAL}: past the grace,
     * the tasks still running are interrupted and their threads waited for, a second or the grace again,
     * whichever is longer; returns when every pool thread has ended, except the threads of tasks that
     * ignore interruption, which no JVM can end: those run on (as daemon threads for {@code THREAD}).
     */
    @Override
    void close();
}
