package io.github.poolbench.compare;

import io.github.poolbench.results.BenchmarkResult;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What two runs must share for their scores to be compared: the benchmark, the mode, every param and
 * the thread count. Forks, iterations and JVM arguments may differ: they are the conditions a
 * comparison is about.
 */
record Point(String benchmark, String mode, SortedMap<String, String> params, int threads) {

    Point {
        params = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    static Point of(BenchmarkResult result) {
        return new Point(result.benchmark(), result.mode(), result.params(), result.threads());
    }

    /** {@code Class.method}, as the site names benchmarks. */
    String shortName() {
        return BenchmarkResult.shortName(benchmark);
    }

    /** {@code size=10, impl=array}, then {@code threads=4} when not 1; empty when there is neither. */
    String conditions() {
        return conditions(java.util.Set.of());
    }

    /** The same, leaving out the params named: those every row of a table shares, said once above it. */
    String conditions(java.util.Set<String> shared) {
        String text = params.entrySet().stream()
                .filter(param -> !shared.contains(param.getKey()))
                .map(param -> param.getKey() + "=" + param.getValue())
                .collect(Collectors.joining(", "));
        if (threads == 1) {
            return text;
        }
        return text.isEmpty() ? "threads=" + threads : text + ", threads=" + threads;
    }

    /** One line naming the point: {@code ListBenchmark.iterate thrpt size=10}. */
    String label() {
        String conditions = conditions();
        return shortName() + " " + mode + (conditions.isEmpty() ? "" : " " + conditions);
    }
}
