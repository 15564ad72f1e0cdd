package io.github.poolbench.site;

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
        Diagnostics diagnostics = new Diagnostics(request.strict());
        ResultSet results = ResultsLoader.load(request.results());
        LessonLoader loader = new LessonLoader();
        List<Path> skip = List.of(request.results().toAbsolutePath().normalize());
        List<Lesson> lessons = loader.loadAll(request.content(), skip, diagnostics);
        Templates templates = new Templates(request.templates());
        Optional<String> machine = request.machine().or(() -> results.newest().map(ResultRun::machineId));

        try (StagedOutput staged = StagedOutput.beside(request.out())) {
            Path site = staged.folder();
            ResultWeaver weaver = new ResultWeaver(results, machine, templates);
            int chartCount = 0;
            List<Lesson> ordered = lessons.stream().sorted(Comparator.comparingInt(Lesson::priority)
                    .thenComparing(Lesson::title).thenComparing(Lesson::path)).toList();
            for (Lesson lesson : ordered) {
                String root = "../".repeat((int) lesson.path().chars().filter(c -> c == '/').count());
                String body = lesson.bodyHtml();
                for (ResultBlock block : lesson.blocks()) {
                    try {
                        body = body.replace(block.placeholder(), weaver.resolve(block, lesson, site, root));
                        chartCount++;
                    } catch (InputException e) {
                        e.errors().forEach(diagnostics::add);
                    }
                }
                write(site.resolve(lesson.path()), templates.render("lesson.ftlh",
                        Map.of("root", root, "lesson", lesson, "body", body)));
            }
            if (request.history().isPresent()) {
                chartCount += TrendPage.write(request.history().get(), site, templates, diagnostics);
            }
            write(site.resolve("index.html"), templates.render("index.ftlh", Map.of("root", "",
                    "lessons", ordered, "machines", List.copyOf(results.byMachine().keySet()),
                    "trend", request.history().isPresent())));
            copyAssets(request.templates().resolve("assets"), site.resolve("assets"));
            for (Path resource : loader.resources(request.content(), skip)) { // images beside the lessons
                copyFile(request.content().resolve(resource), site.resolve(resource.toString()));
            }
            diagnostics.throwIfErrors();
            staged.publish();
            int pages = lessons.size() + 1 + (request.history().isPresent() ? 1 : 0);
            return new BuildSummary(request.out(), pages, chartCount, diagnostics.warnings());
        }
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
