package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerPool;
import io.github.poolbench.workload.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Virtual threads' home ground: 10,000 tasks that each wait 50 ms. A pool of n workers needs
 * tasks / n rounds of 50 ms, whatever the workers are; what virtual threads change is that n can be
 * 10,000 at almost no cost. So this class sweeps the sizes where that shows, 100 to 10,000, on
 * platform threads ({@code THREAD}) and capped virtual threads ({@code VIRTUAL}), plus {@code
 * unbounded}, a virtual thread per task with no cap.
 *
 * <p>Two departures from the other classes, both forced by arithmetic: no {@code PROCESS} pools
 * (100 worker JVMs is not a pool anyone would run), and no measured {@code sequential} baseline
 * (10,000 x 50 ms is 500 s a shot; it is that product by construction). Its baseline is {@code
 * oneTask}: one 50 ms wait on the calling thread, the floor no pool can beat.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(2)
@State(Scope.Benchmark)
public class ManyBenchmark {

    @Param({"10000"})
    public int tasks;

    @Param({"50"})
    public int sleepMillis;

    private List<Sleep.Nap> naps;

    @Setup
    public void makeNaps() {
        naps = Sleep.naps(tasks, Duration.ofMillis(sleepMillis), false);
    }

    /** Platform and capped virtual threads at 100, 1,000 and 10,000 workers. */
    @State(Scope.Benchmark)
    public static class ManyPools extends PoolState {
        @Param({"THREAD", "VIRTUAL"})
        public PoolKind pool;

        @Param({"100", "1000", "10000"})
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

    /** A virtual thread per task, no cap: {@link WorkerPool#unboundedVirtual()}. */
    @State(Scope.Benchmark)
    public static class Unbounded {
        private WorkerPool workers;

        @Setup(Level.Trial)
        public void openPool() {
            workers = WorkerPool.open(PoolKind.VIRTUAL, 0, PoolState.OPTIONS);
        }

        @TearDown(Level.Trial)
        public void closePool() {
            workers.close();
        }
    }

    @Benchmark
    public List<Instant> map(ManyPools pools) {
        return pools.workers().map(Sleep::nap, naps);
    }

    @Benchmark
    public List<Instant> unbounded(Unbounded pool) {
        return pool.workers.map(Sleep::nap, naps);
    }

    /** The floor: a single task's wait, on the calling thread. */
    @Benchmark
    public Instant oneTask() {
        return Sleep.nap(naps.getFirst());
    }
}
