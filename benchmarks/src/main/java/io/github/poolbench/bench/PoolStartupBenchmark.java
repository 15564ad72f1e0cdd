package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long until a pool of n workers is ready? For {@code PROCESS}, until every worker JVM has answered
 * its handshake: the figure to hold against Python's spawn-start {@code Pool(n)}. Each single shot is
 * one cold start; the pool is closed outside the timing.
 *
 * <p>{@link #openMapClose} repeats Python's {@code start4} (open, {@code map(f, range(10))}, close), and
 * the baseline starts n bare JVMs that print their version and exit: the floor under any process pool.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(2)
public class PoolStartupBenchmark {

    private static final List<Integer> TEN = IntStream.range(0, 10).boxed().toList();

    static int square(int x) {
        return x * x;
    }

    @State(Scope.Benchmark)
    public static class Opened {

        @Param({"PROCESS", "THREAD", "VIRTUAL"})
        public PoolKind pool;

        @Param({"1", "2", "4", "8"})
        public int poolSize;

        WorkerPool opened;

        @TearDown(Level.Iteration)
        public void close() {
            if (opened != null) {
                opened.close();
                opened = null;
            }
        }
    }

    @State(Scope.Benchmark)
    public static class BareJvms {

        @Param({"1", "2", "4", "8"})
        public int poolSize;

        final List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Xshare:auto",
                "-version");
    }

    /** Open a pool; returns once all workers are ready. */
    @Benchmark
    public WorkerPool open(Opened state) {
        state.opened = WorkerPool.open(state.pool, state.poolSize);
        return state.opened;
    }

    /** Python's {@code start4}: open, map ten squares, close. */
    @Benchmark
    public List<Integer> openMapClose(Opened state) {
        try (WorkerPool workers = WorkerPool.open(state.pool, state.poolSize)) {
            return workers.map(PoolStartupBenchmark::square, TEN);
        }
    }

    /** n JVMs started at once, each printing its version and exiting: no pool, no protocol. */
    @Benchmark
    public int baselineBareJvms(BareJvms state) throws IOException, InterruptedException {
        List<Process> started = new ArrayList<>(state.poolSize);
        for (int i = 0; i < state.poolSize; i++) {
            started.add(new ProcessBuilder(state.command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start());
        }
        int statuses = 0;
        for (Process process : started) {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("a bare JVM did not exit within a minute");
            }
            statuses += process.exitValue();
        }
        return statuses;
    }
}
