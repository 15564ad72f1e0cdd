package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.InputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteBuilderTest {

    @TempDir
    Path temp;

    private BuildRequest request(Path content, Path templates, Path results) {
        return new BuildRequest(content, templates, results, temp.resolve("site"), Optional.empty(), false);
    }

    @Test
    void rendersLessonWithChartAndMeasuredNumbers() throws IOException {
        BuildSummary summary = new SiteBuilder()
                .build(request(Fixtures.fixture("content"), Fixtures.templates(), Fixtures.fixture("results")));

        assertEquals(3, summary.charts(), "the lesson's, and one per benchmark on the machine page");
        String page = Files.readString(temp.resolve("site/lesson.html"));
        assertTrue(page.contains("<h1>A fixture lesson</h1>"), page);
        assertTrue(page.contains("1,204"), "cites the score of poolSize 1");
        assertTrue(page.contains("302.1"), "cites the score of poolSize 4");
        assertTrue(page.contains("Text after the chart."));
        assertTrue(!page.contains("poolbench:chart"), "no placeholder left");
        BufferedImage png =
                ImageIO.read(temp.resolve("site/charts/lesson-1.png").toFile());
        assertNotNull(png);
        assertEquals(1440, png.getWidth(), "drawn at twice the CSS width");
        String index = Files.readString(temp.resolve("site/index.html"));
        assertTrue(index.contains("href=\"lesson.html\""), index);
        assertTrue(Files.exists(temp.resolve("site/assets/style.css")));
    }

    @Test
    void publishesEachProgramOfALessonAsTheFileAReaderSaves() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content/lessons"));
        Files.writeString(content.resolve("first.md"), """
                ---
                title: First
                ---

                > <hands-on-title>Run it</hands-on-title>
                >
                > <!-- snippet: file="Hello.java" -->
                > ```java
                > void main() {
                >     System.out.println("hello");
                > }
                > ```
                {: .hands_on}

                ```java
                static int notAProgram() { return 1; }
                ```
                """);

        new SiteBuilder().build(request(temp.resolve("content"), Fixtures.templates(), Fixtures.fixture("results")));

        Path examples = temp.resolve("site/examples");
        assertEquals(
                "void main() {\n    System.out.println(\"hello\");\n}\n",
                Files.readString(examples.resolve("first/Hello.java")));
        try (var files = Files.walk(examples)) {
            assertEquals(1, files.filter(Files::isRegularFile).count(), "only programs are published");
        }
    }

    @Test
    void aMalformedSnippetDirectiveIsAnErrorAtItsLine() throws IOException {
        Path content = Files.createDirectories(temp.resolve("content"));
        Files.writeString(content.resolve("bad.md"), """
                Text.

                <!-- snippet: file="not a name" -->
                ```java
                void main() {}
                ```
                """);

        InputException error = assertThrows(
                InputException.class,
                () -> new SiteBuilder().build(request(content, Fixtures.templates(), Fixtures.fixture("results"))));

        assertEquals(
                content.resolve("bad.md")
                        + ":3: error: file=\"not a name\" is no Java source file name (write e.g. file=\"Squares.java\")",
                error.errors().getFirst().toString());
    }

    @Test
    void brokenTemplateNamesFileAndLineAndKeepsPreviousSite() throws IOException {
        Path site = temp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "previous");
        Files.writeString(site.resolve(".poolbench-site"), ""); // as a build leaves it: the build may replace it
        Path templates = Fixtures.copy(Fixtures.templates(), temp.resolve("templates"));
        Files.writeString(templates.resolve("lesson.ftlh"), "<p>fine</p>\n<p>${lesson.noSuchThing()}</p>\n");

        InputException error = assertThrows(
                InputException.class,
                () -> new SiteBuilder()
                        .build(request(Fixtures.fixture("content"), templates, Fixtures.fixture("results"))));

        String message = error.errors().getFirst().toString();
        assertTrue(message.startsWith(templates.resolve("lesson.ftlh") + ":2:"), message);
        assertEquals("previous", Files.readString(site.resolve("index.html")));
        try (var left = Files.list(temp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("staging")), "staging folder removed");
        }
    }

    @Test
    void missingContentFolderIsOneClearError() {
        Path missing = temp.resolve("nope");

        InputException error = assertThrows(
                InputException.class,
                () -> new SiteBuilder().build(request(missing, Fixtures.templates(), Fixtures.fixture("results"))));

        assertEquals(
                missing + ": error: content folder not found",
                error.errors().getFirst().toString());
    }

    @Test
    void chartNamingMissingBenchmarkListsWhatExists() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        Files.writeString(content.resolve("l.md"), "# T\n\n```chart\nbenchmark: NoSuch.map\nx: poolSize\n```\n");

        InputException error = assertThrows(
                InputException.class,
                () -> new SiteBuilder().build(request(content, Fixtures.templates(), Fixtures.fixture("results"))));

        String message = error.errors().getFirst().toString();
        assertTrue(message.startsWith(content.resolve("l.md") + ":4:"), message);
        assertTrue(message.contains("SleepBenchmark.map, SleepBenchmark.sequential"), message);
    }
}
