package io.github.poolbench.results;

/**
 * A ratio of two means with its 99.9 % confidence interval.
 *
 * @param ratio the ratio of the means; NaN when a mean is missing
 * @param lower the interval's lower end: {@code -∞} when unbounded, NaN when unknown
 * @param upper the interval's upper end: {@code +∞} when unbounded, NaN when unknown
 */
public record RatioInterval(double ratio, double lower, double upper) {

    /** No interval: a side has no samples, no variance, or a NaN. */
    public static RatioInterval unknown(double ratio) {
        return new RatioInterval(ratio, Double.NaN, Double.NaN);
    }

    /** The denominator cannot be told from 0, so any ratio is possible. */
    public static RatioInterval unbounded(double ratio) {
        return new RatioInterval(ratio, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public boolean isKnown() {
        return Double.isFinite(ratio) && !Double.isNaN(lower) && !Double.isNaN(upper);
    }

    public boolean isBounded() {
        return isKnown() && Double.isFinite(lower) && Double.isFinite(upper);
    }

    /** True when the interval holds {@code value}; false for an unknown interval. */
    public boolean contains(double value) {
        return isKnown() && lower <= value && value <= upper;
    }

    /**
     * The interval of the reciprocal ratio: b/a for a/b. An interval that reaches 0 or below has no
     * bounded reciprocal.
     */
    public RatioInterval inverse() {
        if (!isKnown()) {
            return unknown(1 / ratio);
        }
        if (!(lower > 0)) {
            return unbounded(1 / ratio);
        }
        return new RatioInterval(1 / ratio, 1 / upper, 1 / lower);
    }
}
