package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A loaded body: rendered once with its result nodes written in, and read by its sections. */
class LessonBodyTest {

    @TempDir
    Path content;

    private final Diagnostics diagnostics = new Diagnostics(false);

    private LessonBody load(String markdown) throws IOException {
        Files.createDirectories(content.resolve("lessons"));
        Files.writeString(content.resolve("lessons/threads.md"), "# Threads\n");
        Path file = content.resolve("index.md");
        Files.writeString(file, markdown);
        return new LessonLoader()
                .load(file, content.relativize(file), diagnostics)
                .body();
    }

    private static final String PAGE = """
            Intro {% measured SleepBenchmark.map poolSize=4 %}.

            ## First finding

            ```chart
            benchmark: SleepBenchmark.map
            x: poolSize
            ```

            > <tip-title>Aside</tip-title>
            > ## Inside a box: no section
            {: .tip}

            [Lesson]({% link lessons/threads.md %}#why)

            ## Second finding {#second}

            Was {% compare SleepBenchmark.map pool=THREAD vs pool=VIRTUAL expect=same %}.
            """;

    @Test
    void resultNodesAreWrittenWhereTheyStandBlocksOnLinesOfTheirOwn() throws IOException {
        LessonBody body = load("""
                It took {% measured SleepBenchmark.map poolSize=4 %}.

                ```chart
                benchmark: SleepBenchmark.map
                x: poolSize
                ```
                """);

        assertEquals(
                "<p>It took <b>measured 1</b>.</p>\n<div>chart 2</div>\n",
                body.html(node -> node.kind().block()
                        ? "<div>" + node.kind().word + " " + node.id() + "</div>"
                        : "<b>" + node.kind().word + " " + node.id() + "</b>"));
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void sectionsStartAtTopLevelH2Headings() throws IOException {
        List<LessonBody.Section> sections = load(PAGE).sections();

        assertEquals(
                List.of("|", "first-finding|First finding", "second|Second finding"),
                sections.stream().map(s -> s.id() + "|" + s.title()).toList());
        assertEquals(
                List.of("index.md", "index.md:3", "index.md:16"),
                sections.stream()
                        .map(s -> content.relativize(s.location().file())
                                + (s.location().line() > 0 ? ":" + s.location().line() : ""))
                        .toList());
    }

    @Test
    void aSectionKnowsItsResultNodesAndLinks() throws IOException {
        List<LessonBody.Section> sections = load(PAGE).sections();

        assertEquals(
                List.of("[measured 1]", "[chart 2]", "[compare 3]"),
                sections.stream()
                        .flatMap(s -> s.results().stream())
                        .map(n -> "[" + n.kind().word + " " + n.id() + "]")
                        .toList());
        assertEquals(
                List.of(List.of(), List.of("lessons/threads.html"), List.of()),
                sections.stream().map(LessonBody.Section::links).toList());
    }

    @Test
    void aSectionRendersItsHeadingAtAnyLevelAndItsBodyApart() throws IOException {
        LessonBody.Section second = load(PAGE).sections().get(2);

        assertEquals("<h3 id=\"second\">Second finding</h3>", second.heading(3));
        assertEquals("<p>Was [compare 3].</p>\n", second.html(node -> "[" + node.kind().word + " " + node.id() + "]"));
    }
}
