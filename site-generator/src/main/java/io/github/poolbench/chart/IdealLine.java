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
 *
 * <p>Tasks of unequal length (the version fetch's servers) cannot come from params. A benchmark
 * class on the class path may then declare them itself, as
 * {@code public static double[] taskMillis(Map<String, String> params)}: the ideal is the time the
 * last worker finishes when each task, in order, goes to the first free worker.
 */
public final class IdealLine {

    /** Param names that give one task's time in milliseconds, in order of preference. */
    private static final List<String> TASK_MILLIS = List.of("sleepMillis", "taskMillis", "waitMillis", "millis");

    /** The name of the static method a benchmark class declares its task times with. */
    public static final String DECLARED = "taskMillis";

    private static final java.util.concurrent.ConcurrentMap<String, Optional<double[]>> DECLARED_TIMES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private IdealLine() {}

    /** The ideal kind to draw: AUTO resolves to WAITING when the params or the class allow it, else NONE. */
    public static ChartSpec.Ideal resolve(ChartSpec.Ideal asked, BenchmarkResult sample) {
        if (asked != ChartSpec.Ideal.AUTO) {
            return asked;
        }
        boolean equalTasks = sample.params().containsKey("tasks")
                && taskMillisParam(sample.params()).isPresent();
        return equalTasks || declaredTaskMillis(sample).isPresent() ? ChartSpec.Ideal.WAITING : ChartSpec.Ideal.NONE;
    }

    /**
     * The task times the benchmark's class declares for these params, in hand-out order; empty when
     * the params give a task count and time themselves, when the class is not on the class path
     * (another project's results), or when it declares none.
     */
    static Optional<double[]> declaredTaskMillis(BenchmarkResult sample) {
        if (sample.params().containsKey("tasks")
                && taskMillisParam(sample.params()).isPresent()) {
            return Optional.empty(); // the run's own params say what its tasks were
        }
        return DECLARED_TIMES
                .computeIfAbsent(sample.className() + " " + sample.params(), key -> {
                    try {
                        Class<?> type = Class.forName(sample.className(), false, IdealLine.class.getClassLoader());
                        java.lang.reflect.Method method = type.getMethod(DECLARED, Map.class);
                        if (!java.lang.reflect.Modifier.isStatic(method.getModifiers())
                                || method.getReturnType() != double[].class) {
                            return Optional.empty();
                        }
                        double[] times = (double[]) method.invoke(null, sample.params());
                        return times == null || times.length == 0 ? Optional.empty() : Optional.of(times.clone());
                    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                        return Optional.empty();
                    }
                })
                .map(double[]::clone);
    }

    /** When the last of {@code workers} finishes, each task in order going to the first free worker. */
    static double makespan(double[] tasks, int workers) {
        double[] free = new double[Math.max(1, workers)];
        for (double task : tasks) {
            int first = 0;
            for (int w = 1; w < free.length; w++) {
                if (free[w] < free[first]) {
                    first = w;
                }
            }
            free[first] += task;
        }
        return java.util.Arrays.stream(free).max().orElse(0);
    }

    /**
     * True when the ideal is worked out from the sequential baseline's score (so it is as noisy as
     * that score), false when the params alone give it.
     */
    public static boolean usesBaseline(ChartSpec.Ideal kind, BenchmarkResult sample) {
        return kind == ChartSpec.Ideal.CPU
                || kind == ChartSpec.Ideal.WAITING
                        && declaredTaskMillis(sample).isEmpty()
                        && taskMillisParam(sample.params()).isEmpty();
    }

    /** How the ideal was worked out, for the chart's caption. */
    static String describe(ChartSpec.Ideal kind, BenchmarkResult sample, String x, OptionalInt cores) {
        Optional<double[]> declared = declaredTaskMillis(sample);
        if (kind == ChartSpec.Ideal.WAITING && declared.isPresent()) {
            return "ideal: each task ("
                    + String.join(
                            ", ",
                            java.util.Arrays.stream(declared.get())
                                    .mapToObj(t -> new java.math.BigDecimal(t)
                                            .stripTrailingZeros()
                                            .toPlainString())
                                    .toList())
                    + " ms) goes to the first free of " + x + " workers";
        }
        return switch (kind) {
            case WAITING ->
                "ideal: ceil(tasks / " + x + ") × "
                        + taskMillisParam(sample.params()).map(p -> p + " ms").orElse("(sequential time / tasks)");
            case CPU ->
                "ideal: sequential time / min(" + x + ", "
                        + (cores.isPresent() ? cores.getAsInt() + " cores)" : "cores), core count unknown");
            default -> "";
        };
    }

    /**
     * The ideal score at {@code x} for the result {@code at} (whose params give the task count and
     * time); empty when the unit is not one of JMH's time units.
     */
    public static OptionalDouble score(
            ChartSpec.Ideal kind,
            double x,
            BenchmarkResult at,
            Optional<BenchmarkResult> baseline,
            OptionalInt cores,
            Location location) {
        String unit = at.primary().unit();
        boolean rate = Units.isRate(unit);
        if (kind == ChartSpec.Ideal.CPU) {
            BenchmarkResult base = baseline.orElseThrow(() -> new InputException(
                    location,
                    "ideal: cpu needs a sequential baseline, but '" + at.className() + "' has no 'sequential' method"
                            + " and no param value SEQUENTIAL"));
            double workers = cores.isPresent() ? Math.min(x, cores.getAsInt()) : x;
            double b = base.primary().score();
            return OptionalDouble.of(rate ? b * workers : b / workers);
        }
        Optional<double[]> declared = declaredTaskMillis(at);
        if (declared.isPresent()) {
            return Units.fromNanos(makespan(declared.get(), (int) Math.round(x)) * 1e6, unit)
                    .map(OptionalDouble::of)
                    .orElse(OptionalDouble.empty());
        }
        String tasksText = at.params().get("tasks");
        if (tasksText == null) {
            throw new InputException(
                    location,
                    "ideal: waiting needs a 'tasks' param (params: "
                            + (at.params().isEmpty()
                                    ? "none"
                                    : String.join(", ", at.params().keySet())) + ")");
        }
        double tasks = Double.parseDouble(tasksText);
        double rounds = Math.ceil(tasks / x);
        Optional<String> millisParam = taskMillisParam(at.params());
        double taskNanos;
        if (millisParam.isPresent()) {
            taskNanos = Double.parseDouble(at.params().get(millisParam.get())) * 1e6;
        } else {
            BenchmarkResult base = baseline.orElseThrow(
                    () -> new InputException(
                            location,
                            "ideal: waiting needs one task's time: a param such as sleepMillis or taskMillis, or a sequential baseline"));
            Optional<Double> perUnit = Units.nanosPerTimeUnit(unit);
            if (perUnit.isEmpty()) {
                return OptionalDouble.empty();
            }
            double baseNanos = rate
                    ? perUnit.get() / base.primary().score()
                    : base.primary().score() * perUnit.get();
            taskNanos = baseNanos / tasks;
        }
        return Units.fromNanos(rounds * taskNanos, unit).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static Optional<String> taskMillisParam(Map<String, String> params) {
        return TASK_MILLIS.stream()
                .filter(params::containsKey)
                .findFirst()
                .or(() -> params.keySet().stream()
                        .filter(p -> p.endsWith("Millis"))
                        .sorted()
                        .findFirst());
    }
}
