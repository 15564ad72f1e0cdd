package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.PoolOptions;
import io.github.poolbench.pool.WorkerDiedException;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * How soon does a task submitted right after a crash run? Before each single shot the pool's only
 * worker is killed mid-task (SIGKILL on Linux and macOS) and its caller has heard so; the shot is the
 * next task's round trip. Without a spare that waits for a replacement JVM to boot; with
 * {@code PoolOptions.withSpareWorkers(1)} a worker started ahead takes it at once, and with
 * {@code withWarmUp(true)} that worker has also run a no-op task already.
 *
 * <p>Between shots the pool gets {@link #SETTLE_MILLIS} to start its next spare, as a pool does between
 * two crashes. The baseline is the same round trip on a pool whose worker did not die.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 10)
@Fork(2)
public class ReplacementBenchmark {

    static final long SETTLE_MILLIS = 3_000;

    static int identity(int x) {
        return x;
    }

    @State(Scope.Benchmark)
    public static class AfterACrash {

        @Param({"0", "1"})
        public int spareWorkers;

        @Param({"false", "true"})
        public boolean warmUp;

        WorkerPool workers;
        Path directory;
        int shot;

        @Setup(Level.Trial)
        public void open() throws IOException {
            workers = WorkerPool.open(
                    PoolKind.PROCESS,
                    1,
                    PoolOptions.defaults().withSpareWorkers(spareWorkers).withWarmUp(warmUp));
            directory = Files.createTempDirectory("poolbench-replacement");
        }

        /** Lets the pool settle, then kills its worker mid-task and waits until the caller has heard. */
        @Setup(Level.Iteration)
        public void crash() throws Exception {
            Thread.sleep(SETTLE_MILLIS);
            Path pidFile = directory.resolve("worker-" + shot++ + ".pid");
            CompletableFuture<Long> doomed =
                    workers.submit(CrashDetectionBenchmark::reportPidThenSleep, pidFile.toString());
            CrashDetectionBenchmark.awaitWorker(pidFile).destroyForcibly();
            try {
                doomed.get(1, TimeUnit.MINUTES);
                throw new IllegalStateException("the task of a killed worker succeeded");
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof WorkerDiedException)) {
                    throw e;
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            workers.close();
            CrashDetectionBenchmark.deleteFolder(directory);
        }
    }

    @State(Scope.Benchmark)
    public static class Healthy {

        WorkerPool workers;

        @Setup(Level.Trial)
        public void open() {
            workers = WorkerPool.open(PoolKind.PROCESS, 1);
        }

        @Setup(Level.Iteration)
        public void settle() throws InterruptedException {
            Thread.sleep(SETTLE_MILLIS);
        }

        @TearDown(Level.Trial)
        public void close() {
            workers.close();
        }
    }

    /** The first task after the crash: submitted, run and answered. */
    @Benchmark
    public Integer taskAfterCrash(AfterACrash state) throws Exception {
        return state.workers.submit(ReplacementBenchmark::identity, 7).get(1, TimeUnit.MINUTES);
    }

    /** The same task on a pool whose worker is alive and idle. */
    @Benchmark
    public Integer baselineHealthy(Healthy state) throws Exception {
        return state.workers.submit(ReplacementBenchmark::identity, 7).get(1, TimeUnit.MINUTES);
    }
}
