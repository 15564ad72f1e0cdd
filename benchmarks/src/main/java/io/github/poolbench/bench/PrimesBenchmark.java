package io.github.poolbench.bench;

import io.github.poolbench.workload.Primes;
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
 * CPU-bound work: {@code tasks} prime counts of about 50 ms each ({@link Primes#BOUND}). Unlike
 * Python, Java threads run on every core at once, so threads should scale as well as processes up
 * to the number of cores, and nothing should beat the core count. {@code AverageTime}: each op is a
 * whole batch (200 to 400 ms on two cores), repeated within each 500 ms iteration; 8 iterations
 * in each of 2 forks, since samples, more than their length, narrow the error.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class PrimesBenchmark {

    @Param({"8"})
    public int tasks;

    /** What each task counts primes below: {@link Primes#BOUND}, about 50 ms; quick passes less. */
    @Param({"900000"})
    public int bound;

    private List<Integer> inputs;

    @Setup
    public void makeInputs() {
        inputs = Primes.inputs(tasks, bound);
    }

    @Benchmark
    public List<Integer> map(Pools pools) {
        return pools.workers().map(Primes::countBelow, inputs);
    }

    @Benchmark
    public List<Integer> sequential() {
        return Primes.countAll(inputs);
    }
}
