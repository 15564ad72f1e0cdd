package io.github.poolbench.presentation;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import java.util.Map;

/**
 * The words for what {@link Ratio} decided, the same on every page: {@code faster}, {@code slower},
 * {@code no faster} where the interval holds 1 (so no one is called the winner), and {@code not known}
 * where there is no interval. Lesson prose, tables, the machine comparison, the trend page and the
 * methodology page all take their words from here.
 */
public final class Verdicts {

    /** Why a verdict is {@code not known}. */
    private static final String NO_ERROR = "no error estimate";

    private Verdicts() {}

    /** The one word for a verdict. */
    public static String word(Ratio.Verdict verdict) {
        return switch (verdict) {
            case FASTER -> "faster";
            case SLOWER -> "slower";
            case SAME -> "no faster";
            case UNKNOWN -> "not known";
        };
    }

    /** Every verdict's word by the name a template uses: {@code same} for {@code no faster}. */
    public static Map<String, String> words() {
        return Map.of(
                "faster",
                word(Ratio.Verdict.FASTER),
                "slower",
                word(Ratio.Verdict.SLOWER),
                "same",
                word(Ratio.Verdict.SAME),
                "unknown",
                word(Ratio.Verdict.UNKNOWN));
    }

    /**
     * A speed-up with its interval: {@code 3.96× (3.91–4.01)}, or with the reason no one can call
     * a winner: {@code 1.00× (0.98–1.02: no faster than sequential)}.
     *
     * @param against what the speed-up is over; empty for a table column whose heading already says it
     */
    public static String speedup(Ratio ratio, String against) {
        RatioInterval interval = ratio.interval();
        String times = Quantities.times(interval.ratio());
        return switch (ratio.verdict()) {
            case UNKNOWN -> times + " (" + word(ratio.verdict()) + ": " + NO_ERROR + ")";
            case SAME ->
                times + " (" + Quantities.interval(interval) + (interval.isBounded() ? ": " : " interval: ")
                        + word(ratio.verdict()) + (against.isEmpty() ? "" : " than " + against) + ")";
            case FASTER, SLOWER -> times + " (" + Quantities.interval(interval) + ")";
        };
    }

    /** A ratio with its interval and nothing else to say: {@code 1.01× (1.00–1.02)}. */
    public static String ratio(RatioInterval interval) {
        String times = Quantities.times(interval.ratio());
        return interval.isKnown() ? times + " (" + Quantities.interval(interval) + ")" : times + " (" + NO_ERROR + ")";
    }

    /**
     * One result against another, named: {@code faster than B: 1.05× (1.01–1.09)}, {@code no faster
     * than C: 1.01× (0.98–1.04)}, {@code not known against D: 1.05× (no error estimate)}.
     */
    public static String against(Ratio ratio, String other) {
        return word(ratio.verdict()) + (ratio.verdict() == Ratio.Verdict.UNKNOWN ? " against " : " than ") + other
                + ": " + ratio(ratio.interval());
    }

    /**
     * A verdict as a sentence reads it, always with the numbers: {@code 1.99× faster (1.95–2.03×)},
     * {@code no faster: 1.02× (0.97–1.08×)}, {@code 1.30× slower (1.25–1.36×)}. Slower shows how
     * many times slower, so the number is never below 1; for the same reason a candidate that is
     * behind but not told apart reads {@code no slower}, the one variant of {@code no faster}.
     */
    public static String sentence(Ratio ratio) {
        RatioInterval speedup = ratio.interval();
        boolean behind = speedup.ratio() < 1;
        RatioInterval shown = behind ? speedup.inverse() : speedup;
        String bounds = shown.isBounded() ? " (" + Quantities.interval(shown) + "×)" : " (interval unbounded)";
        String times = Quantities.times(shown.ratio());
        return switch (ratio.verdict()) {
            case FASTER, SLOWER -> times + " " + word(ratio.verdict()) + bounds;
            case SAME -> (behind ? "no slower" : word(ratio.verdict())) + ": " + times + bounds;
            case UNKNOWN ->
                word(ratio.verdict()) + ": " + times + (behind ? " slower" : " faster") + " (" + NO_ERROR + ")";
        };
    }
}
