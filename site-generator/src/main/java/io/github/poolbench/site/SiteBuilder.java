package io.github.poolbench.site;

import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartRenderer;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.LessonLoader;
import io.github.poolbench.lesson.ResultBlock;
import io.github.poolbench.render.FileTrees;
import io.github.poolbench.render.StagedOutput;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import io.github.poolbench.results.ResultsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the static site: {@code content + results -> model -> charts + pages -> out}. The facade
 * the CLI calls; each step lives in its own package.
 */
public final class SiteBuilder {

    private final ChartRenderer charts = new ChartRenderer();

    /**
     * Builds the site, replacing {@code request.out()} only when every page and chart succeeded.
     *
     * @throws InputException listing every error found, when the input cannot be built
     */
    public BuildSummary build(BuildRequest request) {
        Diagnostics diagnostics = new Diagnostics(request.strict());
        ResultSet results = ResultsLoader.load(request.results());
        List<Lesson> lessons = new LessonLoader().loadAll(request.content(),
                List.of(request.results().toAbsolutePath().normalize()), diagnostics);
        Templates templates = new Templates(request.templates());
        Optional<String> machine = request.machine().or(() -> results.newest().map(ResultRun::machineId));

        try (StagedOutput staged = StagedOutput.beside(request.out())) {
            Path site = staged.folder();
            int chartCount = 0;
            List<Map<String, Object>> lessonLinks = new ArrayList<>();
            for (Lesson lesson : lessons.stream().sorted(Comparator.comparingInt(Lesson::priority)
                    .thenComparing(Lesson::path)).toList()) {
                String root = "../".repeat((int) lesson.path().chars().filter(c -> c == '/').count());
                String body = lesson.bodyHtml();
                for (ResultBlock block : lesson.blocks()) {
                    try {
                        ChartView view = resolveChart(block, lesson, results, machine, site, root);
                        body = body.replace(block.placeholder(), templates.render("partials/chart.ftlh", Map.of("chart", view)));
                        chartCount++;
                    } catch (InputException e) {
                        e.errors().forEach(diagnostics::add);
                    }
                }
                write(site.resolve(lesson.path()), templates.render("lesson.ftlh",
                        Map.of("root", root, "lesson", lesson, "body", body)));
                lessonLinks.add(Map.of("title", lesson.title(), "path", lesson.path()));
            }
            write(site.resolve("index.html"), templates.render("index.ftlh", Map.of("root", "",
                    "lessons", lessonLinks, "machines", List.copyOf(results.byMachine().keySet()))));
            copyAssets(request.templates().resolve("assets"), site.resolve("assets"));
            diagnostics.throwIfErrors();
            staged.publish();
            return new BuildSummary(request.out(), lessons.size() + 1, chartCount, diagnostics.warnings());
        }
    }

    private ChartView resolveChart(ResultBlock block, Lesson lesson, ResultSet results, Optional<String> machine,
                                   Path site, String root) {
        ChartSpec spec = ChartSpec.parse(block.yaml(), block.location());
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

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copyAssets(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try {
            FileTrees.copy(from, to);
        } catch (IOException e) {
            throw new InputException(Location.of(from), "cannot copy assets: " + e.getMessage(), e);
        }
    }
}
