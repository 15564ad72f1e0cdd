package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Charts for results no lesson asked for: every benchmark of any JMH file, whatever its params.
 * Per benchmark and mode, x is {@code poolSize} when it varies, else the first numeric param that
 * varies; the series is {@code pool} when it varies, else another varying param; each combination
 * of the params left over gets its own chart. Benchmarks of a class that vary nothing share one
 * chart with a point per method.
 */
public final class AutoCharts {

    /** A planned chart: which results, on which axes. */
    public record ChartPlan(
            String id,
            String benchmark,
            String mode,
            Optional<String> x,
            Optional<String> series,
            Map<String, String> fixed,
            String title,
            List<ChartData.Entry> entries) {
        public ChartPlan {
            fixed = java.util.Collections.unmodifiableMap(new TreeMap<>(fixed));
            entries = List.copyOf(entries);
        }

        public List<BenchmarkResult> results() {
            return entries.stream().map(ChartData.Entry::result).toList();
        }

        /** Draws the plan; {@code all} is where the baseline is looked up. */
        public ChartData data(List<BenchmarkResult> all, OptionalInt cores, Location location) {
            List<String> free = new ArrayList<>();
            x.ifPresent(free::add);
            series.ifPresent(free::add);
            Optional<BenchmarkResult> baseline =
                    entries.getFirst().result().method().equalsIgnoreCase(Baselines.SEQUENTIAL) || x.isEmpty()
                            ? Optional.empty()
                            : Baselines.find(all, results(), free, x);
            return ChartData.build(
                    title,
                    x.orElse("benchmark"),
                    ChartSpec.YAxis.TIME,
                    ChartSpec.Ideal.AUTO,
                    entries,
                    baseline,
                    cores,
                    location);
        }
    }

    private AutoCharts() {}

    /** Plans one chart per benchmark, mode and combination of leftover params, in a stable order. */
    public static List<ChartPlan> plan(List<BenchmarkResult> results) {
        return plan(results, r -> r.method(), false);
    }

    /**
     * Plans charts whose series come from {@code seriesOf} instead of a param, e.g. the machine on
     * the comparison page; every param but x is then fixed per chart.
     */
    public static List<ChartPlan> planAcross(
            List<BenchmarkResult> results, Function<BenchmarkResult, String> seriesOf) {
        return plan(results, seriesOf, true);
    }

    private static List<ChartPlan> plan(
            List<BenchmarkResult> results, Function<BenchmarkResult, String> seriesOf, boolean across) {
        Map<String, List<BenchmarkResult>> byBenchmark = new TreeMap<>();
        for (BenchmarkResult result : results) {
            if (!Baselines.isBaselineByParam(result)) {
                byBenchmark
                        .computeIfAbsent(result.benchmark() + " " + result.mode(), k -> new ArrayList<>())
                        .add(result);
            }
        }
        List<ChartPlan> plans = new ArrayList<>();
        Map<String, List<BenchmarkResult>> flat = new TreeMap<>();
        for (List<BenchmarkResult> group : byBenchmark.values()) {
            List<String> varying = varying(group);
            if (varying.isEmpty() && !across) {
                BenchmarkResult sample = group.getFirst();
                flat.computeIfAbsent(
                                sample.className() + " " + sample.mode() + " "
                                        + sample.primary().unit(),
                                k -> new ArrayList<>())
                        .addAll(group);
                continue;
            }
            plans.addAll(sweep(group, varying, seriesOf, across));
        }
        for (List<BenchmarkResult> group : flat.values()) {
            BenchmarkResult sample = group.getFirst();
            String simple = sample.className().substring(sample.className().lastIndexOf('.') + 1);
            List<ChartData.Entry> entries = group.stream()
                    .map(r -> new ChartData.Entry(simple, r.method(), r))
                    .toList();
            plans.add(new ChartPlan(
                    slug(sample.className() + "-" + sample.mode()),
                    sample.className(),
                    sample.mode(),
                    Optional.empty(),
                    Optional.empty(),
                    Map.of(),
                    simple + " (" + sample.mode() + ")",
                    entries));
        }
        return plans;
    }

    private static List<ChartPlan> sweep(
            List<BenchmarkResult> group,
            List<String> varying,
            Function<BenchmarkResult, String> seriesOf,
            boolean across) {
        BenchmarkResult sample = group.getFirst();
        Optional<String> x = varying.contains("poolSize") && numeric(group, "poolSize")
                ? Optional.of("poolSize")
                : varying.stream().filter(p -> numeric(group, p)).findFirst();
        if (x.isEmpty() && !varying.isEmpty()) {
            x = Optional.of(varying.getFirst()); // names only: a categorical chart
        }
        List<String> rest = new ArrayList<>(varying);
        x.ifPresent(rest::remove);
        Optional<String> series = Optional.empty();
        if (!across && !rest.isEmpty()) {
            series = rest.contains("pool")
                    ? Optional.of("pool")
                    : rest.stream().filter(p -> !numeric(group, p)).findFirst().or(() -> Optional.of(rest.getFirst()));
            rest.remove(series.get());
        }
        Map<Map<String, String>, List<BenchmarkResult>> combos = new LinkedHashMap<>();
        for (BenchmarkResult result : group) {
            Map<String, String> combo = new TreeMap<>();
            rest.forEach(p -> combo.put(p, String.valueOf(result.params().get(p))));
            combos.computeIfAbsent(combo, c -> new ArrayList<>()).add(result);
        }
        List<ChartPlan> plans = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<BenchmarkResult>> combo : combos.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(Map::toString)))
                .toList()) {
            Optional<String> xParam = x;
            Optional<String> seriesParam = series;
            List<ChartData.Entry> entries = combo.getValue().stream()
                    .map(r -> new ChartData.Entry(
                            across
                                    ? seriesOf.apply(r)
                                    : seriesParam.map(r.params()::get).orElse(r.method()),
                            xParam.map(r.params()::get).orElse(r.method()),
                            r))
                    .toList();
            String suffix = combo.getKey().isEmpty() ? "" : ", " + describe(combo.getKey());
            String title = sample.shortName() + " (" + sample.mode() + suffix + ")";
            String id = slug(sample.benchmark() + "-" + sample.mode()
                    + (combo.getKey().isEmpty() ? "" : "-" + describe(combo.getKey())));
            plans.add(new ChartPlan(id, sample.benchmark(), sample.mode(), x, series, combo.getKey(), title, entries));
        }
        return plans;
    }

    /** Params with more than one value in the group, in name order. */
    static List<String> varying(List<BenchmarkResult> group) {
        return group.stream()
                .flatMap(r -> r.params().keySet().stream())
                .distinct()
                .sorted()
                .filter(p -> Selection.values(group, p).size() > 1
                        || group.stream().anyMatch(r -> !r.params().containsKey(p)))
                .toList();
    }

    private static boolean numeric(List<BenchmarkResult> group, String param) {
        return group.stream()
                .allMatch(r -> r.params().get(param) != null
                        && Selection.isNumber(r.params().get(param)));
    }

    public static String describe(Map<String, String> params) {
        return String.join(
                ", ",
                params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }

    /** A file-name-safe id: lower case letters, digits and dashes. */
    public static String slug(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
