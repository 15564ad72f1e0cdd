package io.github.poolbench.bench;

import io.github.poolbench.workload.Sleep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * {@code CompletableFuture}'s pitfall: blocking tasks on the common fork/join pool. Twelve 50 ms
 * sleeps as {@code supplyAsync} calls, joined in order, on three executors:
 *
 * <ul>
 *   <li>{@code commonPool}: {@code ForkJoinPool.commonPool()} named explicitly. Its parallelism is
 *       {@code cores - 1} and a sleeping worker is not replaced, so the sleeps queue: on 2 cores one
 *       worker takes them in turn, 12 x 50 ms.
 *   <li>{@code defaultAsync}: {@code supplyAsync} without an executor, as most code calls it. JDK 17
 *       started a thread per task when the common pool's parallelism was 1 (a 2-core machine); JDK
 *       25 runs it on the common pool whatever its parallelism, so it queues like {@code
 *       commonPool} (both checked on the reference machine: 12 x 50 ms on JDK 25).
 *   <li>{@code dedicated}: an executor of {@code tasks} threads made for blocking work, opened
 *       once per trial; the ideal, one round of 50 ms.
 * </ul>
 *
 * <p>The baseline is {@code sequential}, the sleeps one after another on the calling thread.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(2)
@State(Scope.Benchmark)
public class CommonPoolBenchmark {

    @Param({"12"})
    public int tasks;

    @Param({"50"})
    public int sleepMillis;

    private List<Sleep.Nap> naps;
    private ExecutorService dedicated;

    @Setup(Level.Trial)
    public void open() {
        naps = Sleep.naps(tasks, Duration.ofMillis(sleepMillis), false);
        dedicated = Executors.newFixedThreadPool(tasks);
    }

    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        dedicated.shutdown();
        if (!dedicated.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the dedicated executor did not stop within a minute");
        }
    }

    @Benchmark
    public List<Instant> commonPool() {
        return joinAll(nap -> CompletableFuture.supplyAsync(nap, ForkJoinPool.commonPool()));
    }

    @Benchmark
    public List<Instant> defaultAsync() {
        return joinAll(CompletableFuture::supplyAsync);
    }

    @Benchmark
    public List<Instant> dedicated() {
        return joinAll(nap -> CompletableFuture.supplyAsync(nap, dedicated));
    }

    @Benchmark
    public List<Instant> sequential() {
        return Sleep.napAll(naps);
    }

    /** Starts every nap with {@code start}, then joins them in order. */
    private List<Instant> joinAll(Function<Supplier<Instant>, CompletableFuture<Instant>> start) {
        List<CompletableFuture<Instant>> futures = new ArrayList<>(naps.size());
        for (Sleep.Nap nap : naps) {
            futures.add(start.apply(() -> Sleep.nap(nap)));
        }
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
