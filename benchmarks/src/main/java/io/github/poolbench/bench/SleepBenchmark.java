package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.workload.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lesson's "print time" question: how long do 12 sleeping tasks take on a pool of n workers?
 * The ideal is ceil(tasks / n) x the nap, since a pool works like n tills at a shop.
 *
 * <p>{@code SingleShotTime}: each shot is one whole batch, so the score reads directly as the
 * batch's wall time, and a sleep needs no repetition to be timed well. The tasks do not print
 * here (the console is not what is measured); the lesson page shows them printing.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 10)
@Fork(2)
@State(Scope.Benchmark)
public class SleepBenchmark {

    @Param({"12"})
    public int tasks;

    /** 100 ms by default; the lesson's own 1 s is {@code -p sleepMillis=1000}. */
    @Param({"100"})
    public int sleepMillis;

    private List<Sleep.Nap> naps;

    @Setup
    public void makeNaps() {
        naps = Sleep.naps(tasks, Duration.ofMillis(sleepMillis), false);
    }

    /** Every kind at every size from 1 to 12, the task count: past 12 nothing can improve. */
    @State(Scope.Benchmark)
    public static class SleepPools extends PoolState {
        @Param({"PROCESS", "THREAD", "VIRTUAL"})
        public PoolKind pool;

        @Param({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"})
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

    @Benchmark
    public List<Instant> map(SleepPools pools) {
        return pools.workers().map(Sleep::nap, naps);
    }

    @Benchmark
    public List<Instant> sequential() {
        return Sleep.napAll(naps);
    }
}
