package io.github.poolbench.bench;

import io.github.poolbench.workload.Square;
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
 * The lesson's {@code p.map(f, range(…))} with {@code f(x) = x * x}: what does a pool cost when the
 * work is nothing? Each task is a multiplication, so {@code map} measures the pool's own overhead
 * (hand-off, wake-up, and for processes serialization and a pipe round trip) per batch of {@code
 * tasks}. The {@code sequential} baseline is the same loop on the calling thread.
 *
 * <p>Four 1 s warm-up iterations: on the reference machine the scores still fell by a third over
 * the first three seconds (worker JVMs compile the protocol code as they go).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class SquareBenchmark {

    @Param({"1000"})
    public int tasks;

    private List<Long> inputs;

    @Setup
    public void makeInputs() {
        inputs = Square.inputs(tasks);
    }

    @Benchmark
    public List<Long> map(Pools pools) {
        return pools.workers().map(Square::square, inputs);
    }

    @Benchmark
    public List<Long> sequential() {
        return Square.squareAll(inputs);
    }
}
