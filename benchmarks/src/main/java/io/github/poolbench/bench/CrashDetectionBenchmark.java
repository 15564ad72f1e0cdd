package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerDiedException;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * How soon does a caller hear that the worker running its task died? Each single shot kills (SIGKILL on
 * Linux and macOS) a worker process that is mid-task and waits for the caller's future to fail; the pool
 * replaces the worker between shots. Python's {@code Pool.map} would wait forever here.
 *
 * <p>Only {@code PROCESS} pools have workers that can die. The baseline is a normal round trip.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(2)
public class CrashDetectionBenchmark {

    /** Writes this worker's pid to the file named by the input, then sleeps until killed. */
    static long reportPidThenSleep(String pidFile) throws Exception {
        Path partial = Path.of(pidFile + ".partial");
        Files.writeString(partial, Long.toString(ProcessHandle.current().pid()));
        Files.move(partial, Path.of(pidFile), StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(TimeUnit.MINUTES.toMillis(10));
        return -1;
    }

    static int identity(int x) {
        return x;
    }

    @State(Scope.Benchmark)
    public static class Victim {

        @Param({"PROCESS"})
        public PoolKind pool;

        @Param({"1", "4"})
        public int poolSize;

        WorkerPool workers;
        Path directory;
        ProcessHandle busyWorker;
        CompletableFuture<Long> doomed;
        int shot;

        @Setup(Level.Trial)
        public void open() throws IOException {
            workers = WorkerPool.open(pool, poolSize);
            directory = Files.createTempDirectory("poolbench-crash");
        }

        /** Puts a task on a worker and learns which worker: the one to kill. */
        @Setup(Level.Iteration)
        public void arm() throws Exception {
            Path pidFile = directory.resolve("worker-" + shot++ + ".pid");
            doomed = workers.submit(CrashDetectionBenchmark::reportPidThenSleep, pidFile.toString());
            busyWorker = awaitWorker(pidFile);
        }

        @TearDown(Level.Trial)
        public void close() {
            workers.close();
            deleteFolder(directory);
        }
    }

    /** The worker that took a {@link #reportPidThenSleep} task, once it has written its pid there. */
    static ProcessHandle awaitWorker(Path pidFile) throws IOException, InterruptedException {
        for (int poll = 0; !Files.exists(pidFile); poll++) {
            if (poll == 60_000) {
                throw new IllegalStateException("no worker took the task within a minute");
            }
            Thread.sleep(1);
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile))).orElseThrow();
    }

    /** Deletes a folder of pid files. */
    static void deleteFolder(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kill the busy worker; the time until its caller's future fails. */
    @Benchmark
    public WorkerDiedException killedMidTask(Victim state) throws Exception {
        state.busyWorker.destroyForcibly();
        try {
            state.doomed.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WorkerDiedException died) {
                return died;
            }
            throw e;
        }
        throw new IllegalStateException("the task of a killed worker succeeded");
    }

    /**
     * A normal round trip: what any answer from a worker takes. It shares {@link RoundTripBenchmark}'s
     * warm pools, so it sweeps every kind; {@code -p pool=PROCESS} keeps the one that compares.
     */
    @Benchmark
    public Integer baselineRoundTrip(RoundTripBenchmark.WarmPool state) throws Exception {
        return state.workers.submit(CrashDetectionBenchmark::identity, 7).get(1, TimeUnit.MINUTES);
    }
}
