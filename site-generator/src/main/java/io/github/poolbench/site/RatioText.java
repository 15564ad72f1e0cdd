package io.github.poolbench.site;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;

/** How the site words a speed-up and its interval, the same way in text, tables and pages. */
final class RatioText {

    private RatioText() {}

    /**
     * A speed-up with its interval: {@code 3.96× (3.91–4.01)}, or with the reason no one can call
     * a winner: {@code 1.00× (0.98–1.02: not distinguishable from sequential)}.
     *
     * @param against what the speed-up is over, for the "not distinguishable" wording; empty for
     *                a table column whose heading already says it
     */
    static String speedup(Ratio ratio, String against) {
        RatioInterval interval = ratio.interval();
        String times = Format.times(interval.ratio());
        String same = "not distinguishable" + (against.isEmpty() ? "" : " from " + against);
        return switch (ratio.verdict()) {
            case UNKNOWN -> times + " (no error estimate)";
            case SAME ->
                times + " (" + Format.interval(interval) + (interval.isBounded() ? ": " : " interval: ") + same + ")";
            case FASTER, SLOWER -> times + " (" + Format.interval(interval) + ")";
        };
    }

    /** A ratio with its interval and nothing else to say: {@code 1.01× (1.00–1.02)}. */
    static String ratio(RatioInterval interval) {
        String times = Format.times(interval.ratio());
        return interval.isKnown() ? times + " (" + Format.interval(interval) + ")" : times + " (no error estimate)";
    }

    /**
     * A verdict as a sentence reads it, always with the numbers: {@code 1.99× faster (1.95–2.03×)},
     * {@code no faster: 1.02× (0.97–1.08×)}, {@code 1.30× slower (1.25–1.36×)}. Slower shows how
     * many times slower, so the number is never below 1.
     */
    static String verdict(Ratio ratio) {
        RatioInterval speedup = ratio.interval();
        boolean behind = speedup.ratio() < 1;
        RatioInterval shown = behind ? speedup.inverse() : speedup;
        String bounds = shown.isBounded() ? " (" + Format.interval(shown) + "×)" : " (interval unbounded)";
        return switch (ratio.verdict()) {
            case FASTER -> Format.times(shown.ratio()) + " faster" + bounds;
            case SLOWER -> Format.times(shown.ratio()) + " slower" + bounds;
            case SAME -> (behind ? "no slower: " : "no faster: ") + Format.times(shown.ratio()) + bounds;
            case UNKNOWN ->
                "not known: " + Format.times(shown.ratio()) + (behind ? " slower" : " faster") + " (no error estimate)";
        };
    }
}
