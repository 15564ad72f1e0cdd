package io.github.poolbench.presentation;

import io.github.poolbench.results.Metric;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Numbers as a careful reader expects them: no more digits than the error supports, thousands
 * separated ({@code 12,500}), and a time unit as people write it ({@code µs}, never {@code us}).
 */
public final class Quantities {

    private Quantities() {}

    /** {@code 301.2 ± 1.4}: the score rounded to the error's second significant digit. */
    public static String scoreWithError(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4) + " ± ?";
        }
        return score(score, error) + " ± " + error(score, error);
    }

    /**
     * A metric as a sentence quotes it: {@code 302.1 ± 3.5 ms}, or {@code 302.1 ms (no error
     * estimate)} when JMH gave none.
     */
    public static String measured(Metric metric) {
        Units.Shown shown = shown(metric.unit(), metric.score());
        String unit = Units.spoken(shown.unit());
        if (!metric.hasError()) {
            return significant(shown.apply(metric.score()), 4) + " " + unit + " (no error estimate)";
        }
        return scoreWithError(shown.apply(metric.score()), shown.apply(metric.error())) + " " + unit;
    }

    /**
     * A value with no error of its own, as a sentence quotes it: {@code 1,000 ms} for 1e6 in
     * {@code us/op}; four significant digits, in the unit a reader would pick.
     */
    public static String value(double value, String unit) {
        Units.Shown shown = shown(unit, value);
        return significant(shown.apply(value), 4) + " " + Units.spoken(shown.unit());
    }

    /**
     * A metric in a table cell beside others of its kind: {@code 1,234 ± 12 B/op}, the unit kept
     * whole since the column does not say it.
     */
    public static String cell(Metric metric) {
        Units.Shown shown = shown(metric.unit(), metric.score());
        return scoreWithError(shown.apply(metric.score()), shown.apply(metric.error())) + " " + shown.unit();
    }

    /**
     * How to show values in {@code unit} whose largest magnitude is {@code largest}: the step up
     * from µs to ms of {@link Units#readable}, and {@code µs} for every {@code us}, also in units
     * JMH's profilers write ({@code us}, {@code ops/us}).
     */
    public static Units.Shown shown(String unit, double largest) {
        Units.Shown shown = Units.readable(unit, largest);
        return new Units.Shown(unit(shown.unit()), shown.factor());
    }

    /** A unit's text with {@code µs} for {@code us}: {@code us/op} reads {@code µs/op}. */
    public static String unit(String unit) {
        return Arrays.stream(unit.split("/", -1))
                .map(part -> part.equals("us") ? "µs" : part)
                .collect(Collectors.joining("/"));
    }

    /** A score in a table's score column: as many decimals as {@link #error} shows. */
    public static String score(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4);
        }
        return fixed(score, decimals(error));
    }

    /** An error to two significant digits; {@code NaN} when there is none. */
    public static String error(double score, double error) {
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
    public static String times(double ratio) {
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
    public static String interval(RatioInterval interval) {
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
    public static String signedPercent(double relative) {
        return Double.isFinite(relative) ? String.format(Locale.ROOT, "%+,.1f %%", relative * 100) : "n/a";
    }

    /** {@code value} to {@code digits} significant digits, trailing zeros dropped: {@code 12,350} for 12345.6 and 4. */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return grouped(new BigDecimal(value)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString());
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** {@code 12345.6} as {@code 12,345.6}: a comma between each three digits of the whole part, as params read. */
    private static String grouped(String plain) {
        int start = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        StringBuilder text = new StringBuilder(plain);
        for (int at = end - 3; at > start; at -= 3) {
            text.insert(at, ',');
        }
        return text.toString();
    }
}
