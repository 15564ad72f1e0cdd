package io.github.poolbench.history;

import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Sample;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One benchmark's headline number in one run: the score and its 99.9 % confidence interval, and what
 * a ratio's interval needs (the samples' standard deviation and count), without the raw samples
 * (history keeps only what the trend page needs).
 *
 * @param lower   the interval's lower end; {@code NaN} when JMH could not estimate an error
 * @param upper   the interval's upper end; {@code NaN} likewise
 * @param sd      the samples' standard deviation; {@code NaN} when unknown (summaries written
 *                before it was kept, or a single sample)
 * @param samples how many samples; 0 when unknown (summaries written before it was kept)
 */
public record Score(
        String benchmark,
        String mode,
        SortedMap<String, String> params,
        double score,
        double error,
        double lower,
        double upper,
        String unit,
        double sd,
        int samples) {

    public Score {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** A score as older summaries kept it: no spread, no sample count. */
    public Score(
            String benchmark,
            String mode,
            SortedMap<String, String> params,
            double score,
            double error,
            double lower,
            double upper,
            String unit) {
        this(benchmark, mode, params, score, error, lower, upper, unit, Double.NaN, 0);
    }

    static Score of(BenchmarkResult result) {
        Metric metric = result.primary();
        Sample sample = Sample.of(result);
        return new Score(
                result.benchmark(),
                result.mode(),
                result.params(),
                metric.score(),
                metric.error(),
                metric.lower(),
                metric.upper(),
                metric.unit(),
                sample.sd(),
                sample.n());
    }

    /**
     * What Fieller's interval needs: the kept standard deviation, else one derived from the error
     * and the sample count; empty when the count is unknown (an older summary).
     */
    public java.util.Optional<Sample> sample() {
        if (samples < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                Double.isFinite(sd) ? new Sample(score, sd * sd, samples) : Sample.ofSummary(score, error, samples));
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
