package io.github.poolbench.bench;

import java.util.ArrayList;
import java.util.List;
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
 * The lesson's "print time" question: how long do 12 sleeping tasks take on a pool of n threads?
 * The ideal is ceil(tasks / n) x the sleep, since a pool works like n tills at a shop.
 * Each single shot is one whole batch, so the score reads directly as the batch's wall time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "--sun-misc-unsafe-memory-access=allow")
@State(Scope.Benchmark)
public class SleepBenchmark {

    @Param({"1", "2", "4"})
    public int poolSize;

    @Param({"12"})
    public int tasks;

    @Param({"100"})
    public int sleepMillis;

    private ExecutorService pool;

    @Setup(Level.Trial)
    public void openPool() {
        pool = Executors.newFixedThreadPool(poolSize);
    }

    @TearDown(Level.Trial)
    public void closePool() throws InterruptedException {
        pool.shutdownNow();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("sleep pool did not stop within 10 s");
        }
    }

    @Benchmark
    public int map() throws Exception {
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int input = i;
            futures.add(pool.submit(() -> nap(input, sleepMillis)));
        }
        int sum = 0;
        for (Future<Integer> future : futures) {
            sum += future.get(1, TimeUnit.MINUTES);
        }
        return sum;
    }

    /** The sequential baseline: the same batch on the calling thread. */
    @Benchmark
    public int sequential() throws InterruptedException {
        int sum = 0;
        for (int i = 0; i < tasks; i++) {
            sum += nap(i, sleepMillis);
        }
        return sum;
    }

    private static int nap(int input, int millis) throws InterruptedException {
        Thread.sleep(millis);
        return input;
    }
}
