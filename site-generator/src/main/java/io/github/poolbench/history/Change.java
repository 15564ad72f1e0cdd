package io.github.poolbench.history;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import java.util.Optional;

/**
 * A series' move from one recorded run to the next, and whether it stands out of the noise.
 *
 * @param previous the score in the earlier run
 * @param current  the score in the later run, of the same series
 * @param verdict  the site's one verdict, of the later run against the earlier: {@code FASTER} is
 *                 an improvement (better, whichever way the mode counts better), {@code SLOWER} a
 *                 regression, {@code SAME} within noise, {@code UNKNOWN} without an error estimate
 */
public record Change(Score previous, Score current, Ratio.Verdict verdict) {

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

    private static Ratio.Verdict judge(Score previous, Score current) {
        if (!previous.hasErrorEstimate() || !current.hasErrorEstimate()) {
            return Ratio.Verdict.UNKNOWN;
        }
        if (previous.sample().isPresent() && current.sample().isPresent()) {
            return Ratio.speedup(
                            current.sample().get(),
                            previous.sample().get(),
                            current.key().higherIsBetter())
                    .verdict();
        }
        boolean overlap = current.lower() <= previous.upper() && previous.lower() <= current.upper();
        if (overlap) {
            return Ratio.Verdict.SAME;
        }
        // Disjoint intervals: the later one lies wholly above or wholly below the earlier one.
        boolean higher = current.lower() > previous.upper();
        return higher == current.key().higherIsBetter() ? Ratio.Verdict.FASTER : Ratio.Verdict.SLOWER;
    }

    /** True when the change stands out of the noise, for the better or the worse: what a reader must look at. */
    public boolean flagged() {
        return verdict == Ratio.Verdict.FASTER || verdict == Ratio.Verdict.SLOWER;
    }

    /**
     * The later score over the earlier with its 99.9 % Fieller interval; empty for summaries
     * without sample counts.
     */
    public Optional<RatioInterval> ratio() {
        if (previous.sample().isEmpty() || current.sample().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                Ratio.fieller(current.sample().get(), previous.sample().get()));
    }

    /** The relative change of the score, e.g. {@code 0.05} for 5 % higher; NaN from a zero score. */
    public double relative() {
        return previous.score() == 0 ? Double.NaN : (current.score() - previous.score()) / previous.score();
    }
}
