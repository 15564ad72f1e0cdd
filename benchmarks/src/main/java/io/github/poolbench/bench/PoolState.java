package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.PoolOptions;
import io.github.poolbench.pool.WorkerPool;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A warm pool for one trial: opened before the first warm-up iteration, every worker started by
 * one trivial task, and closed after the last measurement, so start-up is never part of a score ({@code PoolStartupBenchmark} measures it
 * apart). Each benchmark subclasses this as a {@code @State} that declares its own {@code pool}
 * and {@code poolSize} params, since the sizes swept differ per question.
 */
public abstract class PoolState {

    /** The pool's defaults: its allow-list already admits this project's classes and java.time. */
    static final PoolOptions OPTIONS = PoolOptions.defaults();

    private WorkerPool workers;

    /** The kind of pool, from the subclass's {@code pool} param. */
    protected abstract PoolKind kind();

    /** The number of workers, from the subclass's {@code poolSize} param. */
    protected abstract int size();

    @Setup(Level.Trial)
    public void openPool() {
        workers = WorkerPool.open(kind(), size(), OPTIONS);
        // One trivial task per worker: a fixed thread pool starts its threads lazily, and 10,000 of
        // them cost a visible part of a second that belongs to start-up, not to the first shot.
        workers.map(PoolState::touch, IntStream.range(0, size()).boxed().toList());
    }

    /** The warm-up task: nothing but a round trip. */
    static Integer touch(Integer i) {
        return i;
    }

    @TearDown(Level.Trial)
    public void closePool() {
        if (workers != null) {
            workers.close();
            workers = null;
        }
    }

    /** The open pool. */
    public WorkerPool workers() {
        return workers;
    }
}
