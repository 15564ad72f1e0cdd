package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.PoolOptions;
import io.github.poolbench.pool.WorkerPool;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a map cost on a pool that has just opened? Each single shot is the first {@value #MAPS} maps
 * of ten squares on a fresh {@code PROCESS} pool (opened before the shot, closed after), scored per map:
 * the figure to hold against Python's warm {@code Pool(4).map(f, range(10))}, since a Python worker has
 * nothing left to warm. With {@code PoolOptions.withWarmUp(true)} the workers have run a no-op task
 * through the pool's codecs before {@code open} returned.
 *
 * <p>The baseline is the same maps on a pool that has run {@link #WARM_MAPS} maps already.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(2)
public class FirstMapsBenchmark {

    static final int MAPS = 50;
    static final int WARM_MAPS = 2_000;
    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    static int square(int x) {
        return x * x;
    }

    @State(Scope.Benchmark)
    public static class Fresh {

        @Param({"4"})
        public int poolSize;

        @Param({"false", "true"})
        public boolean warmUp;

        /** Set by the baseline: the pool has run many maps before the shot. */
        boolean seasoned;

        WorkerPool workers;

        @Setup(Level.Iteration)
        public void open() {
            workers = WorkerPool.open(
                    PoolKind.PROCESS, poolSize, PoolOptions.defaults().withWarmUp(warmUp));
            for (int i = 0; seasoned && i < WARM_MAPS; i++) {
                workers.map(FirstMapsBenchmark::square, TEN);
            }
        }

        @TearDown(Level.Iteration)
        public void close() {
            workers.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Seasoned extends Fresh {
        public Seasoned() {
            seasoned = true;
        }
    }

    @Benchmark
    @OperationsPerInvocation(MAPS)
    public int firstMaps(Fresh state) {
        return runMaps(state.workers);
    }

    @Benchmark
    @OperationsPerInvocation(MAPS)
    public int baselineSeasoned(Seasoned state) {
        return runMaps(state.workers);
    }

    private static int runMaps(WorkerPool workers) {
        int sum = 0;
        for (int i = 0; i < MAPS; i++) {
            sum += workers.map(FirstMapsBenchmark::square, TEN).getLast();
        }
        return sum;
    }
}
