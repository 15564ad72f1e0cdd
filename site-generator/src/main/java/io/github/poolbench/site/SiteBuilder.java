package io.github.poolbench.site;

import io.github.poolbench.assets.AssetPolicy;
import io.github.poolbench.chart.ChartCache;
import io.github.poolbench.chart.ChartPainter;
import io.github.poolbench.chart.ChartRenderer;
import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.lesson.Examples;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.LessonLoader;
import io.github.poolbench.render.OutputFolder;
import io.github.poolbench.render.PageRoot;
import io.github.poolbench.render.StagedOutput;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.ResultSet;
import io.github.poolbench.results.ResultsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, Path> inputs = request.inputs(); // in this order in messages
        OutputFolder.check(
                request.out(), inputs, request.force()); // before any work: a refused folder is refused at once
        if (request.history().isPresent() || holdsAFile(request.results())) {
            ChartRenderer.warmUp(); // fonts load on a background thread while the inputs are read
        } // without results or history there is no chart to draw, and the warm-up would take CPU from the parse
        Diagnostics diagnostics = new Diagnostics(request.strict());
        // Results and lessons load side by side: each spends most of its time loading its parser's classes.
        CompletableFuture<ResultSet> loading =
                CompletableFuture.supplyAsync(() -> ResultsLoader.load(request.results(), diagnostics));
        LessonLoader loader = new LessonLoader();
        List<Path> skip = List.of(request.results().toAbsolutePath().normalize());
        List<Lesson> read = loader.loadAll(request.content(), skip, diagnostics);
        List<Lesson> lessons = Headlines.lessons(read); // content/index.md holds the index's findings, not a lesson
        Templates templates = new Templates(request.templates(), diagnostics);
        request.repository().ifPresent(repository -> {
            templates.share("repository", repository.url());
            templates.share("reportUrl", repository.issues());
        });
        LastModified dates = LastModified.of(request.content());
        long parsed = System.nanoTime();
        ResultSet results = join(loading);
        long loaded = System.nanoTime();
        request.machine().ifPresent(id -> checkMachine(id, results, request.results()));
        QuoteRule rule = QuoteRule.of(results, request.machine(), request.run(), diagnostics);

        try (StagedOutput staged = StagedOutput.beside(request.out(), inputs, request.force());
                ChartPainter painter = new ChartPainter(new ChartCache(Optional.of(cacheFolder(request))))) {
            Path site = staged.folder();
            ChartViews charts = new ChartViews(painter);
            ResultWeaver weaver = new ResultWeaver(rule, templates, charts, diagnostics);
            int chartCount = 0;
            ExampleDownloads downloads = new ExampleDownloads();
            List<Lesson> ordered = lessons.stream()
                    .sorted(Comparator.comparingInt(Lesson::priority)
                            .thenComparing(Lesson::title)
                            .thenComparing(Lesson::path))
                    .toList();
            for (int i = 0; i < ordered.size(); i++) {
                Lesson lesson = ordered.get(i);
                String root = PageRoot.of(lesson.path());
                ResultWeaver.Page page = weaver.bind(lesson.blocks(), root);
                chartCount += page.charts();
                String body = lesson.body().html(node -> weaver.html(page, node, lesson.path(), site, root));
                Map<String, Object> model = lessonModel(ordered, i, root, body);
                model.put("weakRuns", page.weakRuns());
                model.put("examples", downloads.add(lesson, site, diagnostics));
                model.put("jar", root + PoolJar.HREF);
                model.put("allExamples", root + ExampleDownloads.HREF);
                model.put("exampleFolder", Examples.folder(lesson));
                model.put("jdk", String.valueOf(Examples.JDK));
                String source = "content/"
                        + request.content()
                                .toAbsolutePath()
                                .normalize()
                                .relativize(lesson.source().toAbsolutePath().normalize())
                                .toString()
                                .replace('\\', '/');
                request.repository().ifPresent(repository -> model.put("editUrl", repository.edit(source)));
                dates.dateOf(lesson.source()).ifPresent(date -> model.put("modified", date));
                write(site.resolve(lesson.path()), templates.render("lesson.ftlh", model));
            }
            int trendPages = 0;
            if (request.history().isPresent()) {
                chartCount += new TrendPage(templates, charts)
                        .render(
                                request.history().get(),
                                request.content(),
                                site,
                                diagnostics,
                                (path, html) -> write(site.resolve(path), html));
                trendPages = 1;
            }
            ResultPages.Output pages = new ResultPages(templates, charts)
                    .render(results, site, (path, html) -> write(site.resolve(path), html));
            Headlines.Landing findings = Headlines.landing(read)
                    .map(page -> new Headlines(rule, weaver, diagnostics).weave(page, ordered, site))
                    .orElse(Headlines.Landing.NONE);
            chartCount += findings.charts();
            write(
                    site.resolve("index.html"),
                    templates.render(
                            "index.ftlh",
                            Map.of(
                                    "root",
                                    "",
                                    "lessons",
                                    ordered,
                                    "trend",
                                    request.history().isPresent(),
                                    "resultPages",
                                    pages.links(),
                                    "findings",
                                    findings)));
            for (InputFile asset : templates.files()) {
                if (asset.relative().getNameCount() > 1
                        && asset.relative().getName(0).toString().equals("assets")) {
                    AssetPolicy.publish(
                            asset.path(),
                            asset.real(),
                            site.resolve(asset.relative().toString()),
                            diagnostics);
                }
            }
            for (Path resource : loader.resources(request.content(), skip)) { // images beside the lessons
                Path file = request.content().resolve(resource);
                AssetPolicy.publish(file, file, site.resolve(resource.toString()), diagnostics);
            }
            DataFiles.copyAll(results, site);
            PoolJar.publish(site); // what the lessons' examples run with, beside examples/<lesson>/
            downloads.publish(site, diagnostics); // all of them and the jar, in one zip
            long rendered = System.nanoTime();
            diagnostics.throwIfErrors();
            ChartPainter.Stats stats = painter.await();
            long drawn = System.nanoTime();
            staged.publish()
                    .ifPresent(note -> diagnostics.add(
                            new Diagnostic(Diagnostic.Severity.WARNING, Location.of(request.out()), note)));
            long published = System.nanoTime();
            BuildTimings timings = new BuildTimings(
                    loaded - parsed,
                    parsed - start,
                    rendered - loaded,
                    drawn - rendered,
                    published - drawn,
                    published - start,
                    stats.drawn(),
                    stats.cached());
            return new BuildSummary(
                    request.out(),
                    lessons.size() + 1 + trendPages + pages.pages(),
                    chartCount + pages.charts(),
                    diagnostics.warnings(),
                    timings);
        }
    }

    /**
     * A lesson page's variables: the lesson, its number on the path through the lessons (priority
     * order, from 1), how many there are, and its neighbours {@code prev} and {@code next} where they exist.
     */
    static Map<String, Object> lessonModel(List<Lesson> ordered, int index, String root, String body) {
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "root",
                root,
                "lesson",
                ordered.get(index),
                "body",
                body,
                "number",
                index + 1,
                "count",
                ordered.size()));
        if (index > 0) {
            model.put("prev", ordered.get(index - 1));
        }
        if (index + 1 < ordered.size()) {
            model.put("next", ordered.get(index + 1));
        }
        return model;
    }

    /** True when the folder holds a regular file at any depth: results, or what may be results. */
    private static boolean holdsAFile(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            return true; // the loader reports the folder; warming up costs nothing but time
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
            throw StagedOutput.cannotWrite(file.getParent(), e);
        }
    }

    /** {@code --quote-machine} must name a machine that has results: quoting another one instead would mislead. */
    private static void checkMachine(String id, ResultSet results, Path root) {
        if (!results.byMachine().containsKey(id)) {
            throw new InputException(
                    Location.of(root),
                    "no results for machine '" + id + "' ("
                            + (results.byMachine().isEmpty()
                                    ? "there are no results at all"
                                    : "machines: "
                                            + String.join(
                                                    ", ", results.byMachine().keySet()))
                            + ")");
        }
    }
}
