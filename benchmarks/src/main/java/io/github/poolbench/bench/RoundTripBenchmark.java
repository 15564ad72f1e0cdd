package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a trip through a warm pool cost? The lesson's {@code p.map(f, range(10))} with
 * {@code f(x) = x * x} on a pool that is already up, so that only the pool's own overhead is timed: for
 * a process pool, serializing, two pipes and two thread hand-offs per task. Python's warm
 * {@code Pool(4).map(f, range(10))} is the figure to beat (0.3 to 1.3 ms on the reference machine).
 *
 * <p>The baseline calls {@code f} ten times on the benchmark thread: what the work itself costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
public class RoundTripBenchmark {

    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    /** The task: trivial on purpose, so that the score is all overhead. */
    static int square(int x) {
        return x * x;
    }

    @State(Scope.Benchmark)
    public static class WarmPool {

        @Param({"PROCESS", "THREAD", "VIRTUAL"})
        public PoolKind pool;

        @Param({"1", "4"})
        public int poolSize;

        WorkerPool workers;

        @Setup(Level.Trial)
        public void open() {
            workers = WorkerPool.open(pool, poolSize);
        }

        @TearDown(Level.Trial)
        public void close() {
            workers.close();
        }
    }

    /** Ten tasks, results in order: Python's {@code warm10}. */
    @Benchmark
    public List<Integer> mapOfTen(WarmPool state) {
        return state.workers.map(RoundTripBenchmark::square, TEN);
    }

    /** One task there and back: the latency of a single {@code submit}. */
    @Benchmark
    public Integer submitOne(WarmPool state) throws Exception {
        return state.workers.submit(RoundTripBenchmark::square, 7).get(1, TimeUnit.MINUTES);
    }

    /** No pool: the ten calls in place. */
    @Benchmark
    public int baselineInPlace() {
        int sum = 0;
        for (int x : TEN) {
            sum += square(x);
        }
        return sum;
    }
}
