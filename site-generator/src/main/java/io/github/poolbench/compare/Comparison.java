package io.github.poolbench.compare;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two JMH files compared point by point: the rows of the points both measured, in OLD's order, and
 * the points only one of them has.
 *
 * @param leftOut secondary metrics not compared: measured on one side only, or without raw data and
 *                error estimate on a side
 */
public record Comparison(
        Path oldFile, Path newFile, List<Row> rows, List<Point> onlyOld, List<Point> onlyNew, int leftOut) {

    public Comparison {
        rows = List.copyOf(rows);
        onlyOld = List.copyOf(onlyOld);
        onlyNew = List.copyOf(onlyNew);
    }

    /**
     * Compares NEW against OLD.
     *
     * @throws InputException when a file holds one point twice, or the two files give one metric in
     *                        units that do not convert; one line per problem
     */
    public static Comparison of(Path oldFile, List<BenchmarkResult> old, Path newFile, List<BenchmarkResult> current) {
        List<Diagnostic> errors = new ArrayList<>();
        Map<Point, BenchmarkResult> olds = index(old, errors);
        Map<Point, BenchmarkResult> news = index(current, errors);
        throwIfAny(errors);
        List<Row> rows = new ArrayList<>();
        List<Point> onlyOld = new ArrayList<>();
        int leftOut = 0;
        for (Map.Entry<Point, BenchmarkResult> entry : olds.entrySet()) {
            BenchmarkResult before = entry.getValue();
            BenchmarkResult after = news.get(entry.getKey());
            if (after == null) {
                onlyOld.add(entry.getKey());
                continue;
            }
            row(entry.getKey(), Optional.empty(), before, before.primary(), after, after.primary(), errors)
                    .ifPresent(rows::add);
            for (Map.Entry<String, Metric> metric : before.secondary().entrySet()) {
                Metric other = after.secondary().get(metric.getKey());
                if (other == null || !usable(metric.getValue(), before) || !usable(other, after)) {
                    leftOut++;
                    continue;
                }
                row(entry.getKey(), Optional.of(metric.getKey()), before, metric.getValue(), after, other, errors)
                        .ifPresent(rows::add);
            }
            leftOut += (int) after.secondary().keySet().stream()
                    .filter(name -> !before.secondary().containsKey(name))
                    .count();
        }
        throwIfAny(errors);
        List<Point> onlyNew =
                news.keySet().stream().filter(point -> !olds.containsKey(point)).toList();
        return new Comparison(oldFile, newFile, rows, onlyOld, onlyNew, leftOut);
    }

    /** True when any row got slower, or worse in a metric with a better side. */
    public boolean regressed() {
        return rows.stream().anyMatch(row -> row.verdict().regressed());
    }

    /** How many rows got each verdict, in the verdicts' order, leaving out those none got. */
    Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        rows.forEach(row -> counts.merge(row.verdict(), 1, Integer::sum));
        return counts;
    }

    private static Map<Point, BenchmarkResult> index(List<BenchmarkResult> results, List<Diagnostic> errors) {
        Map<Point, BenchmarkResult> points = new LinkedHashMap<>();
        for (BenchmarkResult result : results) {
            BenchmarkResult first = points.putIfAbsent(Point.of(result), result);
            if (first != null) {
                // the loader has refused true duplicates; these differ in forks or JVM arguments only
                errors.add(error(
                        result.source(),
                        "two results for one point: " + Point.of(result).label() + ", first at "
                                + line(first.source())
                                + "; compare needs one result per benchmark, mode, params and threads in each file"));
            }
        }
        return points;
    }

    private static Optional<Row> row(
            Point point,
            Optional<String> name,
            BenchmarkResult before,
            Metric old,
            BenchmarkResult after,
            Metric current,
            List<Diagnostic> errors) {
        Optional<Double> factor = UnitConversion.factor(current.unit(), old.unit());
        if (factor.isEmpty()) {
            errors.add(error(
                    after.source(),
                    "cannot compare " + point.label()
                            + name.map(metric -> " " + metric).orElse("") + ": "
                            + current.unit() + " here, " + old.unit() + " in " + line(before.source())
                            + "; only time units convert (ms/op against us/op, ops/s against ops/ms)"));
            return Optional.empty();
        }
        double f = factor.get();
        Sample oldSample = Sample.of(old, before.samples());
        Sample newSample = Sample.of(current, after.samples()).scaled(f);
        RatioInterval ratio = Ratio.fieller(newSample, oldSample);
        Direction direction = name.isEmpty() ? Direction.ofMode(point.mode()) : Direction.ofSecondary(old.unit());
        return Optional.of(new Row(
                point,
                name,
                old.unit(),
                new Row.Side(old.score(), old.lower(), old.upper(), oldSample.n()),
                new Row.Side(current.score() * f, current.lower() * f, current.upper() * f, newSample.n()),
                ratio,
                direction,
                Verdict.of(ratio, direction, name.isEmpty())));
    }

    private static boolean usable(Metric metric, BenchmarkResult result) {
        return Sample.of(metric, result.samples()).isKnown();
    }

    private static Diagnostic error(Location location, String message) {
        return new Diagnostic(Diagnostic.Severity.ERROR, location, message);
    }

    /** {@code file:line}, the way messages point at another record. */
    private static String line(Location location) {
        return Location.of(location.file(), location.line()).toString();
    }

    private static void throwIfAny(List<Diagnostic> errors) {
        if (!errors.isEmpty()) {
            throw new InputException(errors.stream().distinct().toList()); // OLD and NEW may be one file
        }
    }
}
