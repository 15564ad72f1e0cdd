package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The general sweep: every pool kind at 1, 2, 4 and 8 workers (square and primes). */
@State(Scope.Benchmark)
public class Pools extends PoolState {

    @Param({"PROCESS", "THREAD", "VIRTUAL"})
    public PoolKind pool;

    @Param({"1", "2", "4", "8"})
    public int poolSize;

    @Override
    protected PoolKind kind() {
        return pool;
    }

    @Override
    protected int size() {
        return poolSize;
    }
}
