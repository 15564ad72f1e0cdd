/**
 * Three ways to run tasks in parallel behind one API, so that the lesson can compare them fairly.
 *
 * <ul>
 *   <li>{@link io.github.poolbench.pool.WorkerPool#open WorkerPool.open(kind, size)} opens a pool of a
 *       {@link io.github.poolbench.pool.PoolKind}: {@code PROCESS} worker JVMs, {@code THREAD} platform
 *       threads, or {@code VIRTUAL} threads capped at {@code size} by a semaphore (0, or
 *       {@link io.github.poolbench.pool.WorkerPool#unboundedVirtual()}, for no cap).</li>
 *   <li>{@code map} (ordered results, optional chunk size), {@code submit} (a {@code CompletableFuture})
 *       and {@code asCompleted} (outcomes as they finish) mirror Python's {@code Pool.map},
 *       {@code Executor.submit} and {@code as_completed}. Every blocking call has a timeout.</li>
 *   <li>A {@link io.github.poolbench.pool.Task} is serializable, so the same lambda runs on every kind.</li>
 *   <li>Errors are {@link io.github.poolbench.pool.PoolException}s naming the input; a failed task or a
 *       dead worker process fails that input only, and the pool carries on.</li>
 * </ul>
 *
 * <h2>How the process pool works</h2>
 *
 * <p>Each worker is {@code java -cp <the parent's classpath> WorkerMain}, started with the parent's own
 * {@code java.home}, no shell and no network: parent and worker talk over the worker's stdin and stdout
 * in length-prefixed binary frames ({@code Protocol}). A worker opens with a magic number and answers a
 * handshake; the pool is ready when every worker has. Jobs wait in one queue and go to whichever worker
 * is free; a busy worker may hold one job more so that it never waits for a round trip, and a worker
 * that runs dry takes such a job back from a busy one ({@code RECALL}), so a queued task never waits
 * behind a long one while a worker idles.
 *
 * <p>Plain values (boxed primitives, strings, null) cross in a compact encoding ({@code Values}); other
 * values, tasks and failures use Java serialization, read on both sides only through an
 * {@link java.io.ObjectInputFilter} allow-list ({@code AllowList}). What a task prints on
 * {@code System.out} or {@code System.err} travels as frames and is printed by the parent on its
 * {@code System.out} or {@code System.err} of that moment, before the task's result.
 *
 * <p>One of a worker's two threads always reads stdin while the other runs a task (the reader that meets
 * a task while none runs runs it itself and hands stdin over). So the end of stdin is seen at once, busy
 * or not, and ends the worker: that is how {@code close()} ends it (after the running tasks,
 * within the grace period; a worker that still lives a second later is killed), and how a worker whose
 * parent was killed follows it. When a worker dies, its reader thread sees its stdout end, fails the one
 * job it ran with its exit status, requeues the rest, and starts a replacement.
 *
 * <p>Worker JVMs start with trimmed flags (serial GC, no perf data file, JVM output kept off stdout). An
 * opt-in AOT cache (JEP 483/514/515) was tried and removed: it measured no gain, because the JDK's own CDS
 * archive already covers what a worker loads before its handshake.
 */
package io.github.poolbench.pool;
