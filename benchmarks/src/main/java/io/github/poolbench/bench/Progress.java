package io.github.poolbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Counts benchmark runs across the steps of a plan and announces each one: which benchmark, n of
 * m, elapsed time and an estimate of the time left (the mean time per finished benchmark so far,
 * times the number left: rough at first, steadier as the run goes).
 */
final class Progress {

  private final PrintStream out;
  private final int total;
  private final long startNanos = System.nanoTime();
  private int started;
  private int finished;

  Progress(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  /** A JMH output format that prints the usual log plus a progress line per benchmark. */
  OutputFormat format() {
    return new Format(OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL));
  }

  int finished() {
    return finished;
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** The line announcing a benchmark, e.g. {@code [3/40] SleepBenchmark.map pool=THREAD poolSize=4 | 0:12 elapsed, ~2:30 left}. */
  String announce(String benchmark, TreeMap<String, String> params) {
    started++;
    StringBuilder line = new StringBuilder().append("[").append(started).append("/").append(total).append("] ");
    line.append(JmhJson.shortName(benchmark));
    params.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
    Duration elapsed = elapsed();
    line.append(" | ").append(clock(elapsed)).append(" elapsed, ");
    if (finished == 0) {
      line.append("estimating time left");
    } else {
      Duration left = elapsed.dividedBy(finished).multipliedBy(Math.max(0, total - finished));
      line.append("~").append(clock(left)).append(" left");
    }
    return line.toString();
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }


  /** Wraps JMH's own format: everything passes through, start and end are counted. */
  private final class Format implements OutputFormat {
    private final OutputFormat delegate;

    Format(OutputFormat delegate) {
      this.delegate = delegate;
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
      TreeMap<String, String> values = new TreeMap<>();
      for (String key : params.getParamsKeys()) {
        values.put(key, params.getParam(key));
      }
      delegate.println("");
      delegate.println(announce(params.getBenchmark(), values));
      delegate.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
      finished++;
      delegate.endBenchmark(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
      delegate.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
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
      // The stream belongs to the caller and outlives each step's runner.
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
