package io.github.poolbench.site;

import io.github.poolbench.chart.ChartCache;
import io.github.poolbench.chart.ChartPainter;
import io.github.poolbench.chart.ChartRenderer;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.history.TrendPage;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.LessonLoader;
import io.github.poolbench.lesson.ResultBlock;
import io.github.poolbench.render.FileTrees;
import io.github.poolbench.render.StagedOutput;
import io.github.poolbench.render.Templates;
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
import java.util.concurrent.CompletableFuture;

/**
 * Builds the static site: {@code content + results -> model -> charts + pages -> out}. The facade
 * the CLI calls; each step lives in its own package.
 */
public final class SiteBuilder {

    /**
     * Builds the site, replacing {@code request.out()} only when every page and chart succeeded.
     *
     * @throws InputException listing every error found, when the input cannot be built
     */
    public BuildSummary build(BuildRequest request) {
        long start = System.nanoTime();
        ChartRenderer.warmUp(); // fonts load on a background thread while the inputs are read
        Diagnostics diagnostics = new Diagnostics(request.strict());
        // Results and lessons load side by side: each spends most of its time loading its parser's classes.
        CompletableFuture<ResultSet> loading = CompletableFuture.supplyAsync(() -> ResultsLoader.load(request.results()));
        LessonLoader loader = new LessonLoader();
        List<Path> skip = List.of(request.results().toAbsolutePath().normalize());
        List<Lesson> read = loader.loadAll(request.content(), skip, diagnostics);
        List<Lesson> lessons = Headlines.lessons(read); // content/index.md holds the index's findings, not a lesson
        Templates templates = new Templates(request.templates());
        long parsed = System.nanoTime();
        ResultSet results = join(loading);
        long loaded = System.nanoTime();
        Optional<String> machine = request.machine().or(() -> results.newest().map(ResultRun::machineId));

        try (StagedOutput staged = StagedOutput.beside(request.out());
             ChartPainter painter = new ChartPainter(new ChartCache(Optional.of(cacheFolder(request))))) {
            Path site = staged.folder();
            ChartViews charts = new ChartViews(painter);
            ResultWeaver weaver = new ResultWeaver(results, machine, templates, charts, diagnostics);
            int chartCount = 0;
            List<Lesson> ordered = lessons.stream().sorted(Comparator.comparingInt(Lesson::priority)
                    .thenComparing(Lesson::title).thenComparing(Lesson::path)).toList();
            for (Lesson lesson : ordered) {
                String root = "../".repeat((int) lesson.path().chars().filter(c -> c == '/').count());
                String body = lesson.bodyHtml();
                for (ResultBlock block : lesson.blocks()) {
                    try {
                        body = body.replace(block.placeholder(), weaver.resolve(block, lesson, site, root));
                        chartCount += block.kind().equals("chart") ? 1 : 0;
                    } catch (InputException e) {
                        e.errors().forEach(diagnostics::add);
                    }
                }
                write(site.resolve(lesson.path()), templates.render("lesson.ftlh",
                        Map.of("root", root, "lesson", lesson, "body", body)));
            }
            int trendPages = 0;
            if (request.history().isPresent()) {
                chartCount += TrendPage.write(request.history().get(), site, templates, diagnostics);
                trendPages = 1;
            }
            ResultPages.Output pages = new ResultPages(templates, charts).render(results, site,
                    (path, html) -> write(site.resolve(path), html));
            Headlines.Landing findings = Headlines.landing(read).map(page -> new Headlines(results, machine, templates, charts,
                    diagnostics).weave(page, ordered, site)).orElse(Headlines.Landing.NONE);
            chartCount += findings.charts();
            write(site.resolve("index.html"), templates.render("index.ftlh", Map.of("root", "",
                    "lessons", ordered, "machines", List.copyOf(results.byMachine().keySet()),
                    "trend", request.history().isPresent(), "resultPages", pages.links(), "findings", findings)));
            copyAssets(request.templates().resolve("assets"), site.resolve("assets"));
            for (Path resource : loader.resources(request.content(), skip)) { // images beside the lessons
                copyFile(request.content().resolve(resource), site.resolve(resource.toString()));
            }
            DataFiles.copyAll(results, site);
            long rendered = System.nanoTime();
            diagnostics.throwIfErrors();
            ChartPainter.Stats stats = painter.await();
            long drawn = System.nanoTime();
            staged.publish();
            long published = System.nanoTime();
            BuildTimings timings = new BuildTimings(loaded - parsed, parsed - start, rendered - loaded, drawn - rendered,
                    published - drawn, published - start, stats.drawn(), stats.cached());
            return new BuildSummary(request.out(), lessons.size() + 1 + trendPages + pages.pages(),
                    chartCount + pages.charts(), diagnostics.warnings(), timings);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Drawn charts are kept beside the output, in {@code .poolbench-cache/} (git-ignored), so a
     * rebuild copies the charts whose data did not change.
     */
    private static Path cacheFolder(BuildRequest request) {
        return request.out().toAbsolutePath().normalize().resolveSibling(".poolbench-cache");
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void copyFile(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(Location.of(from), "cannot copy: " + e.getMessage(), e);
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
