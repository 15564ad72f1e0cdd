package io.github.poolbench.history;

import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark's headline number in one run: the score and its 99.9 % confidence interval, without
 * the raw samples (history keeps only what the trend page needs).
 *
 * @param lower  the interval's lower end; {@code NaN} when JMH could not estimate an error
 * @param upper  the interval's upper end; {@code NaN} likewise
 */
public record Score(String benchmark, String mode, SortedMap<String, String> params, double score, double error,
                    double lower, double upper, String unit) {

    public Score {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    static Score of(BenchmarkResult result) {
        Metric metric = result.primary();
        return new Score(result.benchmark(), result.mode(), result.params(), metric.score(), metric.error(),
                metric.lower(), metric.upper(), metric.unit());
    }

    /** What a trend line follows from run to run. */
    public SeriesKey key() {
        return new SeriesKey(benchmark, mode, params, unit);
    }

    /** An interval to compare needs a finite error and finite ends (single-fork runs often have neither). */
    public boolean hasErrorEstimate() {
        return Double.isFinite(error) && Double.isFinite(lower) && Double.isFinite(upper);
    }
}
