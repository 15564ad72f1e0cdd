package io.github.poolbench.bench;

import io.github.poolbench.format.BenchmarkNames;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What a run shows while it goes. JMH's own output goes to the log (the run folder's {@code
 * jmh.log}); the terminal gets one line per finished benchmark (score ± error, flagged above the
 * profile's target) and, when it is a terminal, one progress line redrawn in place: the step, n of
 * m, elapsed time, an estimate of the time left (the mean time per finished benchmark so far,
 * times the number left) and the benchmark running.
 */
final class Progress implements AutoCloseable {

    /** How the terminal shows progress. */
    enum Display {
        /** A redrawn progress line above which each finished benchmark leaves a line: a terminal. */
        LIVE,
        /** Plain lines only, one per finished benchmark: a pipe, a file, CI. */
        PLAIN,
        /** Plain lines with JMH's raw output among them, as in the log. */
        VERBOSE
    }

    /** The widest progress line drawn, so that it never wraps (a wrapped line cannot be redrawn). */
    private static final int WIDTH = 100;

    /** ANSI: carriage return, then erase the line. */
    private static final String ERASE = "\r\033[2K";

    private final PrintStream terminal;
    private final PrintStream log;
    private final Display display;
    private final int total;
    private final int steps;
    private final double targetPercent;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int step;
    private int started;
    private int finished;
    private String current = "";
    private boolean drawn;

    /**
     * @param terminal where the user looks
     * @param log receives JMH's raw output
     * @param total benchmark runs in the plan, the m of "n of m"
     * @param steps steps in the plan
     * @param targetPercent the relative error above which a result is flagged
     */
    Progress(PrintStream terminal, PrintStream log, Display display, int total, int steps, double targetPercent) {
        this.terminal = terminal;
        this.log = log;
        this.display = display;
        this.total = total;
        this.steps = steps;
        this.targetPercent = targetPercent;
        if (display == Display.LIVE) {
            // Keeps the elapsed time moving during long benchmarks; a daemon, stopped by close().
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "poolbench-progress");
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** A JMH output format for step {@code index} (0-based) that feeds the log and this progress. */
    OutputFormat format(int index) {
        synchronized (this) {
            step = index + 1;
        }
        PrintStream raw = display == Display.VERBOSE ? new PrintStream(new Tee(log, terminal), true) : log;
        return new Format(OutputFormatFactory.createFormatInstance(raw, VerboseMode.NORMAL));
    }

    /** Prints a line of the suite's own (a warning, a summary) without breaking the progress line. */
    synchronized void say(String line) {
        if (drawn) {
            terminal.print(ERASE);
            drawn = false;
        }
        terminal.println(line);
        log.println(line);
        redrawLocked();
    }

    synchronized int finished() {
        return finished;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * The progress line, e.g. {@code step 2/9 | 3/40 | 0:12 elapsed, ~2:30 left | SleepBenchmark.map
     * pool=THREAD poolSize=4}, at most {@link #WIDTH} characters.
     */
    synchronized String progressLine() {
        StringBuilder line = new StringBuilder()
                .append("step ")
                .append(step)
                .append('/')
                .append(steps)
                .append(" | ")
                .append(started)
                .append('/')
                .append(total)
                .append(" | ")
                .append(clock(elapsed()))
                .append(" elapsed, ")
                .append(timeLeft())
                .append(" | ")
                .append(current);
        return line.length() <= WIDTH ? line.toString() : line.substring(0, WIDTH - 1) + "…";
    }

    private String timeLeft() {
        if (finished == 0) {
            return "estimating time left";
        }
        Duration left = elapsed().dividedBy(finished).multipliedBy(Math.max(0, total - finished));
        return "~" + clock(left) + " left";
    }

    /** Counts a benchmark as started and names it on the progress line. */
    synchronized void started(String benchmark, Map<String, String> params) {
        started++;
        current = describe(benchmark, params);
        redrawLocked();
    }

    /**
     * Counts a benchmark as finished and returns its summary line, e.g. {@code [3/40]
     * SleepBenchmark.map pool=THREAD poolSize=4: 301.2 ± 2.4 ms/op (0.8 %) | 0:12 elapsed, ~2:30
     * left}, with {@code above the 10 % target} appended when its error is wider.
     */
    synchronized String finished(
            String benchmark, Map<String, String> params, double score, double error, String unit) {
        finished++;
        StringBuilder line = new StringBuilder()
                .append('[')
                .append(finished)
                .append('/')
                .append(total)
                .append("] ")
                .append(describe(benchmark, params))
                .append(": ")
                .append(number(score));
        if (Double.isFinite(error)) {
            double percent = score == 0 ? Double.NaN : 100 * Math.abs(error / score);
            line.append(" ± ")
                    .append(number(error))
                    .append(' ')
                    .append(unit)
                    .append(String.format(Locale.ROOT, " (%.1f %%)", percent));
            if (percent > targetPercent) {
                line.append(String.format(Locale.ROOT, " above the %.0f %% target", targetPercent));
            }
        } else {
            line.append(' ').append(unit).append(" (no error estimate)");
        }
        line.append(" | ").append(clock(elapsed())).append(" elapsed, ").append(timeLeft());
        return line.toString();
    }

    private static String describe(String benchmark, Map<String, String> params) {
        StringBuilder text = new StringBuilder(BenchmarkNames.shortName(benchmark));
        new TreeMap<>(params)
                .forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        return text.toString();
    }

    /** Four significant digits at most, without exponent: {@code 301.2}, {@code 2.412}, {@code 0.03412}. */
    static String number(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        int digits = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(value))));
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }

    private synchronized void redraw() {
        redrawLocked();
    }

    private void redrawLocked() {
        if (display != Display.LIVE || started == 0) {
            return;
        }
        terminal.print(ERASE + progressLine());
        terminal.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (drawn) {
            terminal.print(ERASE);
            terminal.flush();
            drawn = false;
        }
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private static Map<String, String> params(BenchmarkParams params) {
        Map<String, String> values = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            values.put(key, params.getParam(key));
        }
        return values;
    }

    /** Writes to two streams: the log, and the terminal in verbose mode. */
    private static final class Tee extends java.io.OutputStream {
        private final PrintStream first;
        private final PrintStream second;

        Tee(PrintStream first, PrintStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() {
            first.flush();
            second.flush();
        }
    }

    /** Wraps JMH's own format, writing to the log: start and end of each benchmark are counted. */
    private final class Format implements OutputFormat {
        private final OutputFormat delegate;

        Format(OutputFormat delegate) {
            this.delegate = delegate;
        }

        @Override
        public void startBenchmark(BenchmarkParams params) {
            started(params.getBenchmark(), params(params));
            delegate.println("");
            delegate.println("poolbench: " + progressLine());
            delegate.startBenchmark(params);
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            delegate.endBenchmark(result);
            if (result == null) {
                return; // JMH reports a benchmark that failed with no result
            }
            BenchmarkParams params = result.getParams();
            Result<?> primary = result.getPrimaryResult();
            say(finished(
                    params.getBenchmark(),
                    params(params),
                    primary.getScore(),
                    primary.getScoreError(),
                    primary.getScoreUnit()));
        }

        @Override
        public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
            delegate.iteration(benchParams, params, iteration);
        }

        @Override
        public void iterationResult(
                BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
            delegate.iterationResult(benchParams, params, iteration, data);
        }

        @Override
        public void startRun() {
            delegate.startRun();
        }

        @Override
        public void endRun(Collection<RunResult> result) {
            delegate.endRun(result);
        }

        @Override
        public void print(String s) {
            delegate.print(s);
        }

        @Override
        public void println(String s) {
            delegate.println(s);
        }

        @Override
        public void flush() {
            delegate.flush();
        }

        @Override
        public void close() {
            // The streams belong to the suite and outlive each step's runner.
            delegate.flush();
        }

        @Override
        public void verbosePrintln(String s) {
            delegate.verbosePrintln(s);
        }

        @Override
        public void write(int b) {
            delegate.write(b);
        }

        @Override
        public void write(byte[] b) throws IOException {
            delegate.write(b);
        }
    }
}
