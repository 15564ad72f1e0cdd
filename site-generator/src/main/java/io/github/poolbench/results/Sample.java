package io.github.poolbench.results;

import java.util.List;

/**
 * What an interval needs of a set of measurements: their mean, their variance and how many there
 * were. Built from JMH's raw samples when a file has them, else from a summary (score, error and
 * the sample count), so results without raw data and history summaries can be compared too.
 *
 * @param variance the unbiased sample variance (divided by n − 1); 0 for a constant
 * @param n        how many samples; {@link Integer#MAX_VALUE} for a constant, which has no error
 */
public record Sample(double mean, double variance, int n) {

    /** JMH's interval: 99.9 %, two-sided. */
    public static final double CONFIDENCE = 0.999;

    /** A number known exactly, such as an ideal time worked out from the params. */
    public static Sample constant(double value) {
        return new Sample(value, 0, Integer.MAX_VALUE);
    }

    /** Mean and variance of every sample in every fork, pooled as JMH pools them for its score. */
    public static Sample of(List<List<Double>> rawData) {
        List<Double> all = rawData.stream().flatMap(List::stream).toList();
        int n = all.size();
        if (n == 0) {
            return new Sample(Double.NaN, Double.NaN, 0);
        }
        double mean = all.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = all.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        return new Sample(mean, n > 1 ? squares / (n - 1) : Double.NaN, n);
    }

    /**
     * The variance back from a JMH summary: JMH's error is t(99.95 %, n − 1) × s / √n, so
     * s = error × √n / t. Without an error (NaN) or with fewer than two samples, the variance is unknown.
     */
    public static Sample ofSummary(double score, double error, int n) {
        if (n < 2 || !Double.isFinite(error)) {
            return new Sample(score, Double.NaN, Math.max(n, 0));
        }
        double sd = error * Math.sqrt(n) / tQuantile(n - 1.0);
        return new Sample(score, sd * sd, n);
    }

    /**
     * A metric's sample: the variance and count of its raw data when present, else from its summary
     * with {@code n} samples. The mean is always the score, so a ratio matches the numbers printed
     * beside it (for JMH's own files the two are the same). Raw data without any spread while JMH
     * reports an error (sample mode keeps one mean per iteration of a histogram) says less than the
     * error does, so then the summary speaks.
     */
    public static Sample of(Metric metric, int n) {
        if (metric.samples() == 0) {
            return ofSummary(metric.score(), metric.error(), n);
        }
        Sample raw = of(metric.rawData());
        if (raw.variance() == 0 && metric.hasError() && metric.error() > 0) {
            return ofSummary(metric.score(), metric.error(), raw.n());
        }
        return new Sample(metric.score(), raw.variance(), raw.n());
    }

    /** The result's primary score as a sample. */
    public static Sample of(BenchmarkResult result) {
        return of(result.primary(), result.samples());
    }

    /** The two-sided {@link #CONFIDENCE} quantile of Student's t. */
    public static double tQuantile(double df) {
        return StudentT.quantile(1 - (1 - CONFIDENCE) / 2, df);
    }

    /** The same measurements times {@code factor}: an ideal that is a fixed multiple of a measured baseline. */
    public Sample scaled(double factor) {
        return new Sample(mean * factor, variance * factor * factor, n);
    }

    public boolean isConstant() {
        return variance == 0 && n == Integer.MAX_VALUE;
    }

    /** True when there is a mean and a variance to build an interval from. */
    public boolean isKnown() {
        return Double.isFinite(mean) && Double.isFinite(variance) && variance >= 0 && n >= 2;
    }

    /** The variance of the mean, s² / n (0 for a constant). */
    public double varianceOfMean() {
        return isConstant() ? 0 : variance / n;
    }

    /** The standard deviation, for summaries that store it. */
    public double sd() {
        return Math.sqrt(variance);
    }

    /** The mean's own 99.9 % t-interval half-width. */
    public double halfWidth() {
        return isConstant() ? 0 : tQuantile(n - 1.0) * Math.sqrt(varianceOfMean());
    }
}
