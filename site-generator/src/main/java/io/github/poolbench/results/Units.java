package io.github.poolbench.results;

import java.util.Map;
import java.util.Optional;

/**
 * JMH's score units: {@code <time>/op} for avgt, sample and ss, {@code ops/<time>} for thrpt.
 * Knowing the time unit lets a chart convert an ideal given in milliseconds into the score's unit.
 */
public final class Units {

    /** Nanoseconds per JMH time unit name: whole numbers, so conversions of whole times stay exact. */
    private static final Map<String, Double> NANOS =
            Map.of("ns", 1.0, "us", 1e3, "µs", 1e3, "ms", 1e6, "s", 1e9, "min", 6e10, "hr", 3.6e12, "day", 8.64e13);

    private Units() {}

    /** Nanoseconds per unit of time in a score unit: 1e6 for {@code ms/op} and for {@code ops/ms}. */
    public static Optional<Double> nanosPerTimeUnit(String unit) {
        String[] parts = unit.strip().split("/");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String time = parts[0].equals("ops") ? parts[1] : parts[1].equals("op") ? parts[0] : "";
        return Optional.ofNullable(NANOS.get(time));
    }

    /** True for {@code ops/<time>}: a rate, so higher is better. */
    public static boolean isRate(String unit) {
        return unit.strip().startsWith("ops/");
    }

    /**
     * A score in {@code unit} for an operation that takes {@code nanos}; empty when the unit is
     * not a JMH time unit.
     */
    public static Optional<Double> fromNanos(double nanos, String unit) {
        return nanosPerTimeUnit(unit).map(perUnit -> isRate(unit) ? perUnit / nanos : nanos / perUnit);
    }

    /**
     * How a unit reads after a number: {@code ms/op} becomes {@code ms}, since one op of a
     * batch benchmark is the batch the sentence talks about; rates and other units ({@code B/op})
     * stay as they are.
     */
    public static String spoken(String unit) {
        return unit.endsWith("/op") && nanosPerTimeUnit(unit).isPresent() ? unit.substring(0, unit.length() - 3) : unit;
    }

    /**
     * A unit as a reader should see it, and the factor from the score's unit into it: {@code us}
     * reads as {@code µs}, and times of 10,000 µs or more (or ns) move one step up, so no reader
     * counts zeros (12,500 µs is 12.5 ms).
     *
     * @param unit   the score's unit as JMH wrote it, e.g. {@code us/op}
     * @param factor multiply a score in the JMH unit by this to get it in {@code unit}
     */
    public record Shown(String unit, double factor) {

        public double apply(double value) {
            return value * factor;
        }
    }

    /** Above this many µs (or ns) a time is shown in the next unit up. */
    public static final double STEP_UP = 10_000;

    /** How to show scores in {@code unit} whose largest magnitude is {@code largest}. */
    public static Shown readable(String unit, double largest) {
        String[] parts = unit.strip().split("/");
        if (parts.length != 2 || !parts[1].equals("op")) {
            return new Shown(unit.replace("ops/us", "ops/µs"), 1);
        }
        String time = parts[0].equals("us") ? "µs" : parts[0];
        if (Math.abs(largest) >= STEP_UP && time.equals("ns")) {
            return new Shown("µs/op", 1e-3);
        }
        if (Math.abs(largest) >= STEP_UP && time.equals("µs")) {
            return new Shown("ms/op", 1e-3);
        }
        return new Shown(time + "/op", 1);
    }
}
