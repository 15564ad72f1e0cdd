package io.github.poolbench.site;

import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartRenderer;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.ResultBlock;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weaves results into lessons: turns each {@link ResultBlock} into the HTML that replaces its
 * placeholder, drawing the charts it needs.
 */
final class ResultWeaver {

    private final ChartRenderer charts = new ChartRenderer();
    private final ResultSet results;
    private final Optional<String> machine;
    private final Templates templates;

    /**
     * @param machine the machine whose numbers lessons quote unless a block names another
     */
    ResultWeaver(ResultSet results, Optional<String> machine, Templates templates) {
        this.results = results;
        this.machine = machine;
        this.templates = templates;
    }

    /**
     * The HTML for one block of a lesson; charts are written under {@code site}.
     *
     * @param root the relative path from the lesson's page to the site root
     * @throws InputException naming the block's line when it asks for something the results lack
     */
    String resolve(ResultBlock block, Lesson lesson, Path site, String root) {
        return switch (block.kind()) {
            case "chart" -> templates.render("partials/chart.ftlh", Map.of("chart", chart(block, lesson, site, root)));
            default -> throw new InputException(block.location(), "unknown result block '" + block.kind() + "'");
        };
    }

    private ChartView chart(ResultBlock block, Lesson lesson, Path site, String root) {
        ChartSpec spec = ChartSpec.parse(block.body(), block.location());
        String machineId = spec.machine().or(() -> machine).orElseThrow(() -> new InputException(block.location(),
                "no results to chart: the results folder is empty (run ./poolbench bench first)"));
        ResultRun run = results.latest(machineId).orElseThrow(() -> new InputException(block.location(),
                "no results for machine '" + machineId + "' (machines: " + String.join(", ", results.byMachine().keySet()) + ")"));
        ChartData data = ChartData.select(spec, run);
        String png = "charts/" + lesson.path().replaceFirst("\\.html$", "") + "-" + block.id() + ".png";
        charts.render(data, site.resolve(png));
        List<ChartView.Row> rows = new ArrayList<>();
        for (ChartData.Series series : data.series()) {
            for (ChartData.Point point : series.points()) {
                BenchmarkResult result = point.result();
                String speedup = data.baseline()
                        .map(base -> Format.significant(speedup(base, result), 3) + "×")
                        .orElse("");
                rows.add(new ChartView.Row(series.name(), Format.significant(point.x(), 6),
                        Format.score(result.primary().score(), result.primary().error()),
                        Format.error(result.primary().score(), result.primary().error()),
                        result.primary().unit(), result.primary().samples(), speedup));
            }
        }
        String title = spec.title().orElse(spec.benchmark() + " by " + spec.x());
        return new ChartView(title, root + png, altText(data, title), ChartRenderer.WIDTH, ChartRenderer.HEIGHT, rows,
                run.machineId() + "/" + run.runId());
    }

    /** How many times faster than the baseline, whichever way the mode counts. */
    private static double speedup(BenchmarkResult baseline, BenchmarkResult result) {
        double ratio = baseline.primary().score() / result.primary().score();
        return result.higherIsBetter() ? 1 / ratio : ratio;
    }

    private static String altText(ChartData data, String title) {
        StringBuilder alt = new StringBuilder(title).append(". ");
        for (ChartData.Series series : data.series()) {
            ChartData.Point first = series.points().getFirst();
            ChartData.Point last = series.points().getLast();
            alt.append(series.name()).append(": ")
                    .append(Format.significant(first.y(), 3)).append(' ').append(data.unit())
                    .append(" at ").append(data.spec().x()).append(' ').append(Format.significant(first.x(), 4))
                    .append(" to ").append(Format.significant(last.y(), 3)).append(' ').append(data.unit())
                    .append(" at ").append(Format.significant(last.x(), 4)).append(". ");
        }
        return alt.toString().strip();
    }

}
