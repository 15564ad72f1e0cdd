package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Units;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The best a pool of {@code x} workers could do, in the score's own unit. Waiting work (sleeps,
 * I/O) finishes in ceil(tasks / x) rounds of one task; computing work speeds up linearly until
 * the workers outnumber the cores.
 */
public final class IdealLine {

    /** Param names that give one task's time in milliseconds, in order of preference. */
    private static final List<String> TASK_MILLIS = List.of("sleepMillis", "taskMillis", "waitMillis", "millis");

    private IdealLine() {}

    /** The ideal kind to draw: AUTO resolves to WAITING when the params allow it, else NONE. */
    public static ChartSpec.Ideal resolve(ChartSpec.Ideal asked, BenchmarkResult sample) {
        if (asked != ChartSpec.Ideal.AUTO) {
            return asked;
        }
        return sample.params().containsKey("tasks") && taskMillisParam(sample.params()).isPresent()
                ? ChartSpec.Ideal.WAITING : ChartSpec.Ideal.NONE;
    }

    /**
     * True when the ideal is worked out from the sequential baseline's score (so it is as noisy as
     * that score), false when the params alone give it.
     */
    public static boolean usesBaseline(ChartSpec.Ideal kind, BenchmarkResult sample) {
        return kind == ChartSpec.Ideal.CPU || kind == ChartSpec.Ideal.WAITING && taskMillisParam(sample.params()).isEmpty();
    }

    /** How the ideal was worked out, for the chart's caption. */
    static String describe(ChartSpec.Ideal kind, BenchmarkResult sample, String x, OptionalInt cores) {
        return switch (kind) {
            case WAITING -> "ideal: ceil(tasks / " + x + ") × "
                    + taskMillisParam(sample.params()).map(p -> p + " ms").orElse("(sequential time / tasks)");
            case CPU -> "ideal: sequential time / min(" + x + ", "
                    + (cores.isPresent() ? cores.getAsInt() + " cores)" : "cores), core count unknown");
            default -> "";
        };
    }

    /**
     * The ideal score at {@code x} for the result {@code at} (whose params give the task count and
     * time); empty when the unit is not one of JMH's time units.
     */
    public static OptionalDouble score(ChartSpec.Ideal kind, double x, BenchmarkResult at, Optional<BenchmarkResult> baseline,
                                OptionalInt cores, Location location) {
        String unit = at.primary().unit();
        boolean rate = Units.isRate(unit);
        if (kind == ChartSpec.Ideal.CPU) {
            BenchmarkResult base = baseline.orElseThrow(() -> new InputException(location,
                    "ideal: cpu needs a sequential baseline, but '" + at.className() + "' has no 'sequential' method"
                            + " and no param value SEQUENTIAL"));
            double workers = cores.isPresent() ? Math.min(x, cores.getAsInt()) : x;
            double b = base.primary().score();
            return OptionalDouble.of(rate ? b * workers : b / workers);
        }
        String tasksText = at.params().get("tasks");
        if (tasksText == null) {
            throw new InputException(location, "ideal: waiting needs a 'tasks' param (params: "
                    + (at.params().isEmpty() ? "none" : String.join(", ", at.params().keySet())) + ")");
        }
        double tasks = Double.parseDouble(tasksText);
        double rounds = Math.ceil(tasks / x);
        Optional<String> millisParam = taskMillisParam(at.params());
        double taskNanos;
        if (millisParam.isPresent()) {
            taskNanos = Double.parseDouble(at.params().get(millisParam.get())) * 1e6;
        } else {
            BenchmarkResult base = baseline.orElseThrow(() -> new InputException(location,
                    "ideal: waiting needs one task's time: a param such as sleepMillis or taskMillis, or a sequential baseline"));
            Optional<Double> perUnit = Units.nanosPerTimeUnit(unit);
            if (perUnit.isEmpty()) {
                return OptionalDouble.empty();
            }
            double baseNanos = rate ? perUnit.get() / base.primary().score() : base.primary().score() * perUnit.get();
            taskNanos = baseNanos / tasks;
        }
        return Units.fromNanos(rounds * taskNanos, unit).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static Optional<String> taskMillisParam(Map<String, String> params) {
        return TASK_MILLIS.stream().filter(params::containsKey).findFirst()
                .or(() -> params.keySet().stream().filter(p -> p.endsWith("Millis")).sorted().findFirst());
    }
}
