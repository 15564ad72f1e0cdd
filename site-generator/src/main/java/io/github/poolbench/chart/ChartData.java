package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The numbers one chart draws, selected from one run.
 *
 * @param series   one line per value of the spec's series param, in name order
 * @param baseline the sequential baseline's result, when the run has one
 */
public record ChartData(ChartSpec spec, ResultRun run, List<Series> series, Optional<BenchmarkResult> baseline) {

    /** One point: the score and its 99.9 % confidence interval, in the result's unit. */
    public record Point(double x, double y, double lower, double upper, BenchmarkResult result) {}

    /** One line of the chart. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    public ChartData {
        series = List.copyOf(series);
    }

    /** The unit of the scores, e.g. {@code ms/op}. */
    public String unit() {
        return series.getFirst().points().getFirst().result().primary().unit();
    }

    /** Every result drawn, in series then x order. */
    public List<BenchmarkResult> results() {
        return series.stream().flatMap(s -> s.points().stream()).map(Point::result).toList();
    }

    /**
     * Selects the results a spec names from a run, with errors that name the lesson's line and
     * list what does exist, so a typo is fixed in one go.
     */
    public static ChartData select(ChartSpec spec, ResultRun run) {
        List<BenchmarkResult> matching = run.results().stream().filter(r -> r.matches(spec.benchmark())).toList();
        if (matching.isEmpty()) {
            throw new InputException(spec.location(), "no benchmark '" + spec.benchmark() + "' in " + run.jmhFile()
                    + " (it has: " + String.join(", ", new TreeSet<>(run.results().stream().map(BenchmarkResult::shortName).toList())) + ")");
        }
        for (String param : spec.namedParams()) {
            if (matching.stream().noneMatch(r -> r.params().containsKey(param))) {
                throw new InputException(spec.location(), "benchmark '" + spec.benchmark() + "' has no param '" + param
                        + "' (its params: " + String.join(", ", new TreeSet<>(matching.stream().flatMap(r -> r.params().keySet().stream()).toList())) + ")");
            }
        }
        List<BenchmarkResult> selected = matching;
        for (Map.Entry<String, String> fixed : spec.where().entrySet()) {
            List<BenchmarkResult> narrowed = selected.stream()
                    .filter(r -> fixed.getValue().equals(r.params().get(fixed.getKey()))).toList();
            if (narrowed.isEmpty()) {
                throw new InputException(spec.location(), "no data for " + fixed.getKey() + "=" + fixed.getValue()
                        + " in '" + spec.benchmark() + "' (values: " + String.join(", ", values(selected, fixed.getKey())) + ")");
            }
            selected = narrowed;
        }
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (BenchmarkResult result : selected) {
            String name = spec.series().map(param -> result.params().get(param)).orElse(result.shortName());
            double x = parseX(spec, result);
            lines.computeIfAbsent(name, n -> new ArrayList<>()).add(new Point(x, result.primary().score(),
                    result.primary().lower(), result.primary().upper(), result));
        }
        List<Series> series = lines.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Series(e.getKey(), e.getValue().stream().sorted(Comparator.comparingDouble(Point::x)).toList()))
                .toList();
        return new ChartData(spec, run, series, baseline(spec, run, selected.getFirst()));
    }

    /** The {@code sequential} method of the same benchmark class, at the chart's fixed params. */
    private static Optional<BenchmarkResult> baseline(ChartSpec spec, ResultRun run, BenchmarkResult sample) {
        String type = sample.benchmark().substring(0, sample.benchmark().lastIndexOf('.'));
        return run.results().stream()
                .filter(r -> r.benchmark().equals(type + ".sequential"))
                .filter(r -> spec.where().entrySet().stream()
                        .allMatch(e -> !r.params().containsKey(e.getKey()) || e.getValue().equals(r.params().get(e.getKey()))))
                .findFirst();
    }

    private static double parseX(ChartSpec spec, BenchmarkResult result) {
        String value = result.params().get(spec.x());
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException | NullPointerException e) {
            throw new InputException(spec.location(), "x param '" + spec.x() + "' must be numeric, but " + result.shortName()
                    + " has '" + value + "' (declared at " + result.source() + ")");
        }
    }

    private static List<String> values(List<BenchmarkResult> results, String param) {
        return new TreeSet<>(results.stream().map(r -> r.params().get(param)).filter(java.util.Objects::nonNull).toList())
                .stream().toList();
    }
}
