package io.github.poolbench.site;

import io.github.poolbench.results.Metric;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a careful reader expects them: no more digits than the error supports. */
final class Format {

    private Format() {}

    /** {@code 301.2 ± 1.4}: the score rounded to the error's second significant digit. */
    static String scoreWithError(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4) + " ± ?";
        }
        return score(score, error) + " ± " + error(score, error);
    }

    /**
     * A metric as a sentence quotes it: {@code 302.1 ± 3.5 ms}, or {@code 302.1 ms (no error
     * estimate)} when JMH gave none.
     */
    static String measured(Metric metric) {
        Units.Shown shown = Units.readable(metric.unit(), metric.score());
        String unit = Units.spoken(shown.unit());
        if (!metric.hasError()) {
            return significant(shown.apply(metric.score()), 4) + " " + unit + " (no error estimate)";
        }
        return scoreWithError(shown.apply(metric.score()), shown.apply(metric.error())) + " " + unit;
    }

    static String score(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4);
        }
        return fixed(score, decimals(error));
    }

    static String error(double score, double error) {
        if (!Double.isFinite(error)) {
            return "NaN";
        }
        if (error == 0) {
            return "0";
        }
        return fixed(error, decimals(error));
    }

    /** Decimals that keep two significant digits of the error. */
    private static int decimals(double error) {
        return Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(error))));
    }

    /** A ratio such as a speed-up: three significant digits, trailing zeros kept (2.00×), and a times sign. */
    static String times(double ratio) {
        if (!Double.isFinite(ratio)) {
            return ratio + "×";
        }
        return fixed(ratio, timesDecimals(ratio)) + "×";
    }

    /**
     * A ratio's interval as {@code 1.93–2.01}, both ends with as many decimals as the ratio itself
     * shows (more when they would read the same); {@code unbounded} when an end is infinite, empty
     * when there is no interval.
     */
    static String interval(RatioInterval interval) {
        if (!interval.isKnown()) {
            return "";
        }
        if (!interval.isBounded()) {
            return "unbounded";
        }
        int decimals = timesDecimals(interval.ratio());
        // a narrow interval gets the digits it needs to show both ends apart
        while (decimals < 6
                && interval.lower() < interval.upper()
                && fixed(interval.lower(), decimals).equals(fixed(interval.upper(), decimals))) {
            decimals++;
        }
        return fixed(interval.lower(), decimals) + "–" + fixed(interval.upper(), decimals);
    }

    private static int timesDecimals(double ratio) {
        return ratio == 0 ? 2 : Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(ratio))));
    }

    /** A relative change as a signed percentage, {@code +10.0 %} for 0.1; {@code n/a} when not finite. */
    static String signedPercent(double relative) {
        return Double.isFinite(relative) ? String.format(Locale.ROOT, "%+.1f %%", relative * 100) : "n/a";
    }

    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
