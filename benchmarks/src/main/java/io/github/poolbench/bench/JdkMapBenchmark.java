package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerPool;
import io.github.poolbench.workload.Primes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * What the JDK offers instead of {@code Pool.map}, on the primes workload of {@link
 * PrimesBenchmark}: a parallel stream (the common fork/join pool, {@code cores - 1} workers plus
 * the calling thread) and {@code ExecutorService.invokeAll} on a fixed pool, against this
 * project's {@code THREAD} pool's {@code map} and the {@code sequential} loop.
 *
 * <p>Every pooled variant gets as many threads as the machine has cores ({@code
 * availableProcessors()}), the size a parallel stream picks by itself, so the three differ only in
 * how they hand out the work. The count is not a param: on another machine it follows its cores.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 8, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class JdkMapBenchmark {

    @Param({"8"})
    public int tasks;

    /** What each task counts primes below: {@link Primes#BOUND}, about 50 ms; quick passes less. */
    @Param({"900000"})
    public int bound;

    private List<Integer> inputs;
    private List<Callable<Integer>> calls;

    @Setup
    public void makeInputs() {
        inputs = Primes.inputs(tasks, bound);
        calls = inputs.stream()
                .<Callable<Integer>>map(limit -> () -> Primes.countBelow(limit))
                .toList();
    }

    /** A fixed executor and a project pool, both of {@code cores} threads, open for the whole trial. */
    @State(Scope.Benchmark)
    public static class Fixed {
        final int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService fixed;
        WorkerPool pool;

        @Setup(Level.Trial)
        public void open() {
            fixed = Executors.newFixedThreadPool(cores);
            pool = WorkerPool.open(PoolKind.THREAD, cores, PoolState.OPTIONS);
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            pool.close();
            fixed.shutdown();
            if (!fixed.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the fixed pool did not stop within a minute");
            }
        }
    }

    /** This project's pool: {@code map} on a {@code THREAD} pool of {@code cores} workers. */
    @Benchmark
    public List<Integer> map(Fixed executors) {
        return executors.pool.map(Primes::countBelow, inputs);
    }

    /** {@code inputs.parallelStream().map(…).toList()}: the common pool plus the calling thread. */
    @Benchmark
    public List<Integer> parallelStream() {
        return inputs.parallelStream().map(Primes::countBelow).toList();
    }

    /** {@code invokeAll} on a fixed pool of {@code cores} threads, then each future in order. */
    @Benchmark
    public List<Integer> invokeAll(Fixed executors) throws InterruptedException, ExecutionException {
        List<Integer> counts = new ArrayList<>(calls.size());
        for (Future<Integer> future : executors.fixed.invokeAll(calls)) {
            counts.add(future.get());
        }
        return counts;
    }

    @Benchmark
    public List<Integer> sequential() {
        return Primes.countAll(inputs);
    }
}
