package io.github.poolbench.history;

import io.github.poolbench.results.BenchmarkResult;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A benchmark at one combination of params, in one mode and unit: the things that must match for
 * two runs' scores to be comparable at all.
 */
public record SeriesKey(String benchmark, String mode, SortedMap<String, String> params, String unit)
        implements Comparable<SeriesKey> {

    private static final Comparator<SeriesKey> ORDER = Comparator.comparing(SeriesKey::benchmark)
            .thenComparing(SeriesKey::paramText)
            .thenComparing(SeriesKey::mode)
            .thenComparing(SeriesKey::unit);

    public SeriesKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** Whether the series' scores are better higher: {@link BenchmarkResult#higherIsBetter(String)} of its mode. */
    public boolean higherIsBetter() {
        return BenchmarkResult.higherIsBetter(mode);
    }

    /** {@code SleepBenchmark.map}: the last two parts of the full name. */
    public String shortName() {
        return BenchmarkResult.shortName(benchmark);
    }

    /** {@code poolSize=4, tasks=12}, params in name order; empty when there are none. */
    public String paramText() {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** {@code SleepBenchmark.map (poolSize=4, tasks=12)}, as the page names a series. */
    public String label() {
        return params.isEmpty() ? shortName() : shortName() + " (" + paramText() + ")";
    }

    @Override
    public int compareTo(SeriesKey other) {
        return ORDER.compare(this, other);
    }
}
