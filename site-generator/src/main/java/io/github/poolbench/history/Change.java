package io.github.poolbench.history;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import java.util.Optional;

/**
 * A series' move from one recorded run to the next, and whether it stands out of the noise.
 *
 * @param previous the score in the earlier run
 * @param current  the score in the later run, of the same series
 */
public record Change(Score previous, Score current, Verdict verdict) {

    /**
     * Judges a change by the site's one rule: it is flagged when the 99.9 % Fieller interval of
     * the ratio of the two scores excludes 1, and the mode says which way is better. A summary
     * written before sample counts were kept cannot give that interval; such a pair falls back to
     * the stricter old test, flagged only when the two score intervals do not overlap.
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
        if (previous.sample().isPresent() && current.sample().isPresent()) {
            Ratio ratio = Ratio.speedup(current.sample().get(), previous.sample().get(), current.key().higherIsBetter());
            return switch (ratio.verdict()) {
                case FASTER -> Verdict.IMPROVEMENT;
                case SLOWER -> Verdict.REGRESSION;
                case SAME -> Verdict.WITHIN_NOISE;
                case UNKNOWN -> Verdict.NO_ERROR_ESTIMATE;
            };
        }
        boolean overlap = current.lower() <= previous.upper() && previous.lower() <= current.upper();
        if (overlap) {
            return Verdict.WITHIN_NOISE;
        }
        // Disjoint intervals: the later one lies wholly above or wholly below the earlier one.
        boolean higher = current.lower() > previous.upper();
        return higher == current.key().higherIsBetter() ? Verdict.IMPROVEMENT : Verdict.REGRESSION;
    }

    /**
     * The later score over the earlier with its 99.9 % Fieller interval; empty for summaries
     * without sample counts.
     */
    public Optional<RatioInterval> ratio() {
        if (previous.sample().isEmpty() || current.sample().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Ratio.fieller(current.sample().get(), previous.sample().get()));
    }

    /** The relative change of the score, e.g. {@code 0.05} for 5 % higher; NaN from a zero score. */
    public double relative() {
        return previous.score() == 0 ? Double.NaN : (current.score() - previous.score()) / previous.score();
    }
}
