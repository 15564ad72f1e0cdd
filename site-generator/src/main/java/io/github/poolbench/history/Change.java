package io.github.poolbench.history;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import java.util.Optional;

/**
 * A step in one series on one hardware: the scores from one commit on differ from those before it
 * by more than the noise of either segment ({@link ChangePoints}).
 *
 * @param key          the series
 * @param hardware     the number of the hardware the series ran on ({@link Trend.Machine#hardware()})
 * @param run          the index, in the machine's runs, of the first run after the step: its commit
 *                     is where the step happened
 * @param step         the two segments and the after side's speed-up over the before side
 * @param acknowledged the entry of {@code acknowledged.yml} that says this change was expected
 */
public record Change(
        SeriesKey key, int hardware, int run, ChangePoints.Step step, Optional<Acknowledgement> acknowledged) {

    /** The site's one verdict of the segment after against the segment before: better is {@code FASTER}. */
    public Ratio.Verdict verdict() {
        return step.speedup().verdict();
    }

    /** Whether the segment after the step is still shorter than the minimum. */
    public boolean pending() {
        return step.pending();
    }

    /** A confirmed change for the worse that nobody said to expect: what must be looked at. */
    public boolean regression() {
        return counted() && verdict() == Ratio.Verdict.SLOWER;
    }

    /** A confirmed change for the better that nobody said to expect. */
    public boolean improvement() {
        return counted() && verdict() == Ratio.Verdict.FASTER;
    }

    /** True when the change is a regression or an improvement. */
    public boolean flagged() {
        return regression() || improvement();
    }

    private boolean counted() {
        return !pending() && acknowledged.isEmpty();
    }

    /**
     * The mean score after the step over the mean before, with its 99.9 % Fieller interval: the
     * speed-up's own interval, turned round for modes where lower is better.
     */
    public RatioInterval ratio() {
        RatioInterval speedup = step.speedup().interval();
        return key.higherIsBetter() ? speedup : speedup.inverse();
    }
}
