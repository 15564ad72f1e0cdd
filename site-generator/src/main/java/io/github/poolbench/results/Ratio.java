package io.github.poolbench.results;

/**
 * A speed-up with its interval, and what it lets a reader say. The rule the whole site follows:
 * one result is faster than another only when the 99.9 % interval of the speed-up excludes 1.
 *
 * <p>The interval comes from Fieller's theorem for the ratio of two independent means. With means
 * a and b and variances of the means va and vb, the ratio θ makes a − θb a mean of zero with variance
 * va + θ²vb, so the θ for which |a − θb| ≤ t·√(va + θ²vb) form the interval: the roots of
 * θ²(b² − t²vb) − 2abθ + (a² − t²va) = 0. The t quantile takes the Welch–Satterthwaite degrees of
 * freedom of that combination at the estimated θ. When b² ≤ t²vb the denominator cannot be told
 * from 0 and the interval is unbounded. Nothing here is random: the same data always gives the
 * same bounds. A constant side (an ideal) has no variance, and the result reduces to the other
 * side's t-interval divided by, or divided into, the constant.
 *
 * @param interval the speed-up: above 1 means the candidate is better (faster for times, higher for throughput)
 */
public record Ratio(RatioInterval interval, Verdict verdict) {

    /** What the data says of a candidate against a reference. */
    public enum Verdict {
        /** The speed-up's interval lies above 1. */
        FASTER,
        /** It lies below 1. */
        SLOWER,
        /** It holds 1 (or is unbounded): the two cannot be told apart. */
        SAME,
        /** No interval: a side has no samples or no error estimate. */
        UNKNOWN;

        /** The lower-case word lessons and pages use, e.g. {@code faster}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How much better {@code candidate} is than {@code reference}: reference ÷ candidate for
     * times, candidate ÷ reference for throughput.
     */
    public static Ratio speedup(Sample candidate, Sample reference, boolean higherIsBetter) {
        RatioInterval interval = higherIsBetter ? fieller(candidate, reference) : fieller(reference, candidate);
        return new Ratio(interval, judge(interval));
    }

    /** {@link #speedup(Sample, Sample, boolean)} of two results' primary scores, in the candidate's mode. */
    public static Ratio speedup(BenchmarkResult candidate, BenchmarkResult reference) {
        return speedup(Sample.of(candidate), Sample.of(reference), candidate.higherIsBetter());
    }

    /** FASTER above 1, SLOWER below, SAME when the interval holds 1, UNKNOWN without an interval. */
    public static Verdict judge(RatioInterval speedup) {
        if (!speedup.isKnown()) {
            return Verdict.UNKNOWN;
        }
        if (speedup.lower() > 1) {
            return Verdict.FASTER;
        }
        return speedup.upper() < 1 ? Verdict.SLOWER : Verdict.SAME;
    }

    /** The ratio of the means, numerator ÷ denominator, with its 99.9 % Fieller interval. */
    public static RatioInterval fieller(Sample numerator, Sample denominator) {
        double a = numerator.mean();
        double b = denominator.mean();
        double ratio = a / b;
        if (!isUsable(numerator) || !isUsable(denominator) || !Double.isFinite(ratio)) {
            return RatioInterval.unknown(ratio);
        }
        double va = numerator.varianceOfMean();
        double vb = denominator.varianceOfMean();
        if (va == 0 && vb == 0) {
            return new RatioInterval(ratio, ratio, ratio);
        }
        double t = Sample.tQuantile(welchDegrees(numerator, denominator, ratio));
        double q = b * b - t * t * vb;
        if (q <= 0) {
            return RatioInterval.unbounded(ratio);
        }
        double root = Math.sqrt(t * t * (b * b * va + a * a * vb - t * t * va * vb));
        double first = (a * b - root) / q;
        double second = (a * b + root) / q;
        return new RatioInterval(ratio, Math.min(first, second), Math.max(first, second));
    }

    /**
     * Welch–Satterthwaite degrees of freedom of a − θb: (va + θ²vb)² ÷ (va²/(na − 1) + θ⁴vb²/(nb − 1)).
     * A constant side adds no term, so against a constant this is the other side's n − 1.
     */
    static double welchDegrees(Sample numerator, Sample denominator, double ratio) {
        double va = numerator.varianceOfMean();
        double vb = ratio * ratio * denominator.varianceOfMean();
        double terms = (numerator.isConstant() ? 0 : va * va / (numerator.n() - 1.0))
                + (denominator.isConstant() ? 0 : vb * vb / (denominator.n() - 1.0));
        return (va + vb) * (va + vb) / terms;
    }

    private static boolean isUsable(Sample sample) {
        return sample.isConstant() ? Double.isFinite(sample.mean()) : sample.isKnown();
    }
}
