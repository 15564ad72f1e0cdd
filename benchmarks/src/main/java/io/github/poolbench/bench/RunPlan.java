package io.github.poolbench.bench;

import io.github.poolbench.format.Planned;
import io.github.poolbench.format.RunRecord;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What a run measures: a list of steps, each one JMH run of some methods of one benchmark class
 * with its own param subset and sizing. One JMH run per step because param overrides in JMH are
 * global: a profile that wants pool sizes 1-12 for sleep and 1-5 for fetch needs two runs.
 */
public final class RunPlan {

    private RunPlan() {}

    /**
     * How long JMH measures; {@code null} fields keep the class's annotation. Times apply to
     * time-based modes only ({@code SingleShotTime} counts shots).
     */
    public record Sizing(
            Integer forks, Integer warmups, Duration warmupTime, Integer iterations, Duration iterationTime) {

        /** Keeps every annotation: the class's own sizing. */
        public static final Sizing ANNOTATED = new Sizing(null, null, null, null, null);

        /** Single shots: forks, warm-up shots, measured shots. */
        public static Sizing shots(int forks, int warmups, int iterations) {
            return new Sizing(forks, warmups, null, iterations, null);
        }

        /** Timed iterations: forks, then count and length of warm-up and measured iterations. */
        public static Sizing timed(
                int forks, int warmups, Duration warmupTime, int iterations, Duration iterationTime) {
            return new Sizing(forks, warmups, warmupTime, iterations, iterationTime);
        }

        ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
            if (forks != null) {
                options.forks(forks);
            }
            if (warmups != null) {
                options.warmupIterations(warmups);
            }
            if (warmupTime != null) {
                options.warmupTime(TimeValue.milliseconds(warmupTime.toMillis()));
            }
            if (iterations != null) {
                options.measurementIterations(iterations);
            }
            if (iterationTime != null) {
                options.measurementTime(TimeValue.milliseconds(iterationTime.toMillis()));
            }
            return options;
        }
    }

    /**
     * One JMH run.
     *
     * @param benchmark the benchmark class
     * @param methods its {@code @Benchmark} methods to run, e.g. {@code map}
     * @param params param values that replace the annotation's (others keep theirs)
     * @param sizing forks and iterations
     */
    public record Step(Class<?> benchmark, List<String> methods, Map<String, List<String>> params, Sizing sizing) {
        public Step {
            Objects.requireNonNull(benchmark);
            methods = List.copyOf(methods);
            params = Map.copyOf(params);
            for (String method : methods) {
                if (benchmarkMethod(benchmark, method) == null) {
                    throw new IllegalArgumentException(
                            benchmark.getSimpleName() + " has no @Benchmark method " + method);
                }
            }
        }

        /** Every {@code @Benchmark} method of {@code benchmark}, sorted, with the class's own params. */
        public static Step all(Class<?> benchmark, Sizing sizing) {
            List<String> methods = Arrays.stream(benchmark.getMethods())
                    .filter(m -> m.isAnnotationPresent(Benchmark.class))
                    .map(Method::getName)
                    .sorted()
                    .toList();
            return new Step(benchmark, methods, Map.of(), sizing);
        }

        /** This step with {@code more} params added (replacing any of the same name). */
        public Step with(Map<String, List<String>> more) {
            Map<String, List<String>> all = new LinkedHashMap<>(params);
            all.putAll(more);
            return new Step(benchmark, methods, all, sizing);
        }

        /** The JMH include pattern: exactly these methods of this class. */
        public String includePattern() {
            return "^" + Pattern.quote(benchmark.getName() + ".") + "(" + String.join("|", methods) + ")$";
        }

        /** This step as {@code run.json} records it: the class by its simple name, times in milliseconds. */
        public RunRecord.StepRecord record() {
            return new RunRecord.StepRecord(
                    benchmark.getSimpleName(),
                    methods,
                    params,
                    sizing.forks(),
                    sizing.warmups(),
                    sizing.warmupTime() == null ? null : sizing.warmupTime().toMillis(),
                    sizing.iterations(),
                    sizing.iterationTime() == null
                            ? null
                            : sizing.iterationTime().toMillis());
        }

        /** Applies includes, params and sizing to a JMH options builder. */
        public ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
            options.include(includePattern());
            params.forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
            return sizing.applyTo(options);
        }

        /**
         * How many benchmark runs (method x param combination) JMH will make: the product of each used
         * param's value count, overridden or annotated, summed over the methods.
         */
        public int count() {
            int total = 0;
            for (String method : methods) {
                Map<String, Integer> sizes = new LinkedHashMap<>();
                paramsOf(benchmark, sizes);
                for (Parameter parameter : benchmarkMethod(benchmark, method).getParameters()) {
                    paramsOf(parameter.getType(), sizes);
                }
                int combos = 1;
                for (var size : sizes.entrySet()) {
                    combos *= params.containsKey(size.getKey())
                            ? params.get(size.getKey()).size()
                            : size.getValue();
                }
                total += combos;
            }
            return total;
        }
    }

    /** Every result of these steps, in step order: each method at each combination of its params. */
    public static List<Planned> planned(List<Step> steps) {
        List<Planned> planned = new ArrayList<>();
        for (Step step : steps) {
            for (String method : step.methods()) {
                Method m = benchmarkMethod(step.benchmark(), method);
                Map<String, List<String>> values = new LinkedHashMap<>();
                paramValues(step.benchmark(), values);
                for (Parameter parameter : m.getParameters()) {
                    paramValues(parameter.getType(), values);
                }
                values.replaceAll((name, annotated) -> step.params().getOrDefault(name, annotated));
                List<Map<String, String>> combinations = List.of(Map.of());
                for (var param : values.entrySet()) {
                    List<Map<String, String>> wider = new ArrayList<>();
                    for (Map<String, String> partial : combinations) {
                        for (String value : param.getValue()) {
                            Map<String, String> next = new LinkedHashMap<>(partial);
                            next.put(param.getKey(), value);
                            wider.add(next);
                        }
                    }
                    combinations = wider;
                }
                BenchmarkMode mode = m.isAnnotationPresent(BenchmarkMode.class)
                        ? m.getAnnotation(BenchmarkMode.class)
                        : step.benchmark().getAnnotation(BenchmarkMode.class);
                List<Mode> modes = mode == null ? List.of(Mode.Throughput) : List.of(mode.value());
                for (Mode each : modes) {
                    for (Map<String, String> params : combinations) {
                        planned.add(new Planned(step.benchmark().getName() + "." + method, each.shortLabel(), params));
                    }
                }
            }
        }
        return planned;
    }

    /** The number of benchmark runs of all steps: the m of "n of m". */
    public static int count(List<Step> steps) {
        return steps.stream().mapToInt(Step::count).sum();
    }

    private static Method benchmarkMethod(Class<?> type, String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.isAnnotationPresent(Benchmark.class))
                .findFirst()
                .orElse(null);
    }

    /** The {@code @Param} fields of a {@code @State} class and its superclasses, with their annotated values. */
    private static void paramValues(Class<?> type, Map<String, List<String>> values) {
        if (!type.isAnnotationPresent(State.class)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null) {
                    List<String> annotated =
                            param.value().length == 0 && field.getType().isEnum()
                                    ? Arrays.stream(field.getType().getEnumConstants())
                                            .map(e -> ((Enum<?>) e).name())
                                            .toList()
                                    : List.of(param.value());
                    values.putIfAbsent(field.getName(), annotated);
                }
            }
        }
    }

    /** The {@code @Param} fields of a {@code @State} class and its superclasses, with value counts. */
    private static void paramsOf(Class<?> type, Map<String, Integer> sizes) {
        if (!type.isAnnotationPresent(State.class)) {
            return;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null) {
                    int n = param.value().length;
                    if (n == 0 && field.getType().isEnum()) {
                        n = field.getType().getEnumConstants().length; // JMH's default for an enum param
                    }
                    sizes.putIfAbsent(field.getName(), n);
                }
            }
        }
    }
}
