package io.github.poolbench.results;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.format.BenchmarkNames;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of a JMH JSON file: a benchmark method at one combination of params.
 *
 * @param benchmark the full name, e.g. {@code io.github.poolbench.bench.SleepBenchmark.map}
 * @param mode      JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample} or {@code ss}
 * @param params    param values as strings, sorted by name
 * @param source    where in which file the entry starts, for error messages
 */
public record BenchmarkResult(
        String benchmark,
        String mode,
        int threads,
        int forks,
        int warmupIterations,
        int measurementIterations,
        String jmhVersion,
        String jdkVersion,
        String vmName,
        List<String> jvmArgs,
        SortedMap<String, String> params,
        Metric primary,
        Map<String, Metric> secondary,
        Location source) {

    public BenchmarkResult {
        jvmArgs = List.copyOf(jvmArgs);
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
        secondary = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(secondary)); // keep the file's order: output must be deterministic
    }

    /** {@code Class.method}: the last two parts of the full name, as lessons cite it. */
    public String shortName() {
        return shortName(benchmark);
    }

    /** {@code Class.method} of a benchmark's full name ({@link BenchmarkNames}, the one rule). */
    public static String shortName(String benchmark) {
        return BenchmarkNames.shortName(benchmark);
    }

    /** The method's name, e.g. {@code map}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The full name without the method: the benchmark class. */
    public String className() {
        int method = benchmark.lastIndexOf('.');
        return method < 0 ? "" : benchmark.substring(0, method);
    }

    /**
     * Measured samples: the raw data's count, else forks × iterations as JMH configured them
     * (files written without raw data still say how much was measured).
     */
    public int samples() {
        int raw = primary.samples();
        return raw > 0 ? raw : Math.max(0, forks) * Math.max(0, measurementIterations);
    }

    /** True when a score is better the higher it is (throughput); times are better lower. */
    public boolean higherIsBetter() {
        return higherIsBetter(mode);
    }

    /** JMH's rule for a mode: only throughput ({@code thrpt}) is better higher; every time mode is better lower. */
    public static boolean higherIsBetter(String mode) {
        return "thrpt".equals(mode);
    }

    /** True when {@code name} is this benchmark's full name or a dot-separated tail of it. */
    public boolean matches(String name) {
        return benchmark.equals(name) || benchmark.endsWith("." + name);
    }
}
