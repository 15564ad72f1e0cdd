package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Black-box runs of {@code poolbench build} on lessons with the slips GTN tolerates (a warning
 * naming file:line, exit 1 under {@code --strict}) and on lessons that cannot be read at all
 * (exit 1, previous site untouched).
 */
class IrregularLessonTest {

    @TempDir
    Path temp;

    /** A content folder holding only {@code lesson}, copied from the fixtures. */
    private Path content(Path lesson) throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        Files.copy(lesson, content.resolve(lesson.getFileName()));
        return content;
    }

    private CliRunner build(Path content, String... extra) {
        return CliRunner.build(content, Fixtures.fixture("results"), temp.resolve("site"), extra);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unclosed-box.md           | 5  | the question box starting here is never closed with {: .question}; it ends at line 6",
                "unknown-box.md            | 7  | unknown box type 'exercise' (known: question, solution, hands-on",
                "undefined-abbreviation.md | 7  | undefined abbreviation {CPU}: add it under 'abbreviations:' in the front matter",
                "unknown-liquid.md         | 7  | cannot resolve the Liquid tag {% youtube %}; it is left out",
                "snippet.md                | 7  | cannot include 'faqs/galaxy/histories_create_new.md': GTN's snippets are not available",
                "old-box-title.md          | 5  | old box title form '### {% icon question %} …': write <question-title>",
                "stray-closing.md          | 6  | {: .solution} closes no box: the line above it does not start with '>'",
                "missing-image.md          | 5  | image 'images/nowhere.png' not found",
                "bad-duration.md           | 3  | time_estimation 'about an hour' is not a duration such as 30M or 1H30M",
                "unclosed-raw.md           | 5  | {% raw %} is never closed with {% endraw %}",
            })
    void irregularInputRendersWithAWarningAndFailsUnderStrict(String name, int line, String message)
            throws IOException {
        Path lesson = Fixtures.fixture("gtn/irregular/" + name);
        Path content = content(lesson);
        String where = content.resolve(name) + ":" + line + ":";

        CliRunner lenient = build(content);

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains(where), "names file and line " + where + ": " + lenient.out());
        assertTrue(lenient.out().contains("warning: " + message), lenient.out());
        String html = Files.readString(temp.resolve("site").resolve(name.replace(".md", ".html")));
        assertTrue(!html.contains("{%") && !html.contains("-title>"), "no dialect leaks into the page: " + html);

        CliRunner strict = build(content, "--strict");

        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains(where) && strict.err().contains("error: " + message), strict.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bad-yaml.md            | 5:2 | bad YAML front matter:",
                "list-as-title.md       | 2:1 | 'title' must be a single value, not a list",
                "word-as-priority.md    | 3:1 | 'priority' must be a whole number, not 'high'",
                "string-as-questions.md | 3:1 | 'questions' must be a list ('- item' lines), not 'Why is it slow?'",
            })
    void unreadableFrontMatterFailsWithFileLineAndKeepsTheSite(String name, String lineColumn, String message)
            throws IOException {
        Path content = content(Fixtures.fixture("gtn/unreadable/" + name));
        Path site = previousSite();

        CliRunner result = build(content);

        assertEquals(1, result.exitCode(), result.out());
        assertTrue(
                result.err().startsWith(content.resolve(name) + ":" + lineColumn + ": error: " + message),
                result.err());
        assertEquals("previous", Files.readString(site.resolve("index.html")));
    }

    @Test
    void aFileThatIsNotUtf8FailsWithItsLineAndKeepsTheSite() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        Path lesson = content.resolve("latin1.md");
        Files.write(lesson, "---\ntitle: Caf\u00e9\n---\n\nNa\u00efve text.\n".getBytes(StandardCharsets.ISO_8859_1));
        Path site = previousSite();

        CliRunner result = build(content);

        assertEquals(1, result.exitCode());
        assertEquals(
                lesson + ":2:11: error: not UTF-8 text (save the file as UTF-8)",
                result.err().strip());
        assertEquals("previous", Files.readString(site.resolve("index.html")));
    }

    @Test
    void everyUnreadableLessonIsNamedInOneRun() throws IOException {
        Path content = content(Fixtures.fixture("gtn/unreadable/bad-yaml.md"));
        Files.copy(Fixtures.fixture("gtn/unreadable/word-as-priority.md"), content.resolve("word-as-priority.md"));
        Files.copy(Fixtures.fixture("gtn/content/lessons/basics/first-steps.md"), content.resolve("fine.md"));
        Path site = previousSite();

        CliRunner result = build(content);

        assertEquals(1, result.exitCode());
        assertEquals(
                java.util.List.of(
                        content.resolve("bad-yaml.md") + ":5:2", content.resolve("word-as-priority.md") + ":3:1"),
                result.err()
                        .lines()
                        .map(line -> line.substring(0, line.indexOf(": error:")))
                        .toList(),
                result.err());
        assertEquals("previous", Files.readString(site.resolve("index.html")));
    }

    private Path previousSite() throws IOException {
        Path site = temp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "previous");
        Files.writeString(site.resolve(".poolbench-site"), ""); // as a build leaves it: the build may replace it
        return site;
    }
}
