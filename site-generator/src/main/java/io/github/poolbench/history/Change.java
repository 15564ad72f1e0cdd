package io.github.poolbench.history;

/**
 * A series' move from one recorded run to the next, and whether it stands out of the noise.
 *
 * @param previous the score in the earlier run
 * @param current  the score in the later run, of the same series
 */
public record Change(Score previous, Score current, Verdict verdict) {

    /**
     * Judges a change by JMH's 99.9 % confidence intervals: only intervals that do not overlap
     * (touching counts as overlapping) are flagged, and the mode says which way is better.
     */
    public static Change between(Score previous, Score current) {
        if (!previous.key().equals(current.key())) {
            throw new IllegalArgumentException("different series: " + previous.key() + " and " + current.key());
        }
        return new Change(previous, current, judge(previous, current));
    }

    private static Verdict judge(Score previous, Score current) {
        if (!previous.hasErrorEstimate() || !current.hasErrorEstimate()) {
            return Verdict.NO_ERROR_ESTIMATE;
        }
        boolean overlap = current.lower() <= previous.upper() && previous.lower() <= current.upper();
        if (overlap) {
            return Verdict.WITHIN_NOISE;
        }
        // Disjoint intervals: the later one lies wholly above or wholly below the earlier one.
        boolean higher = current.lower() > previous.upper();
        return higher == current.key().higherIsBetter() ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
    }

    /** The relative change of the score, e.g. {@code 0.05} for 5 % higher; NaN from a zero score. */
    public double relative() {
        return previous.score() == 0 ? Double.NaN : (current.score() - previous.score()) / previous.score();
    }
}
