/**
 * Three ways to run tasks in parallel behind one API, so that the lesson can compare them fairly.
 *
 * <ul>
 *   <li>{@link io.github.poolbench.pool.WorkerPool#open WorkerPool.open(kind, size)} opens a pool of a
 *       {@link io.github.poolbench.pool.PoolKind}: {@code PROCESS} worker JVMs, {@code THREAD} platform
 *       threads, or {@code VIRTUAL} threads capped at {@code size} (0, or
 *       {@link io.github.poolbench.pool.WorkerPool#unboundedVirtual()}, for no cap).</li>
 *   <li>{@code map} (ordered results, optional chunk size), {@code submit} (a {@code CompletableFuture})
 *       and {@code asCompleted} (outcomes as they finish) mirror Python's {@code Pool.map},
 *       {@code Executor.submit} and {@code as_completed}. Every blocking call has a timeout.</li>
 *   <li>A {@link io.github.poolbench.pool.Task} is serializable, so the same lambda runs on every kind.</li>
 *   <li>Errors are {@link io.github.poolbench.pool.PoolException}s naming the input; a failed task or a
 *       dead worker process fails that input only, and the pool carries on.</li>
 * </ul>
 */
package io.github.poolbench.pool;
