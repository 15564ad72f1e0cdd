package io.github.poolbench.site;

import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Quality;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Turns results into {@link TableView} rows (score, error, samples, speed-up) and one note on their quality. */
final class Tables {

    /** One result and the values of its leading columns. */
    record Line(List<String> params, BenchmarkResult result) {}

    private Tables() {}

    static TableView table(
            String title,
            List<String> paramColumns,
            List<Line> lines,
            Optional<BenchmarkResult> baseline,
            String source,
            String dataHref) {
        List<String> metrics = List.copyOf(new TreeSet<>(lines.stream()
                .flatMap(line -> line.result().secondary().keySet().stream())
                .toList()));
        List<TableView.Row> rows = new ArrayList<>();
        for (Line line : lines) {
            rows.add(row(line, baseline, metrics));
        }
        List<BenchmarkResult> results = lines.stream().map(Line::result).toList();
        return new TableView(
                title,
                paramColumns,
                metrics,
                rows,
                source,
                dataHref,
                Quality.summary(results).orElse(""));
    }

    private static TableView.Row row(Line line, Optional<BenchmarkResult> baseline, List<String> metrics) {
        BenchmarkResult result = line.result();
        Metric primary = result.primary();
        List<String> cells = new ArrayList<>();
        for (String name : metrics) {
            Metric metric = result.secondary().get(name);
            cells.add(metric == null ? "" : Quantities.cell(metric));
        }
        Units.Shown shown = Quantities.shown(primary.unit(), primary.score());
        double score = shown.apply(primary.score());
        double error = shown.apply(primary.error());
        return new TableView.Row(
                line.params(),
                Quantities.score(score, error),
                Quantities.error(score, error),
                shown.unit(),
                result.samples(),
                baseline.map(base -> speedup(base, result)).orElse(""),
                cells);
    }

    /** The speed-up over the baseline with its interval, and what the interval allows one to say of it. */
    static String speedup(BenchmarkResult baseline, BenchmarkResult result) {
        if (baseline == result) {
            return "1.00× (baseline)";
        }
        return Verdicts.speedup(Ratio.speedup(result, baseline), "");
    }

    /** {@code key=value} pairs, for titles and tooltips. */
    static String params(Map<String, String> params) {
        return String.join(
                " ",
                params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList());
    }
}
