package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box runs with links and special files in the inputs: what leads out of its folder is
 * skipped with a warning naming it (an error under --strict), what stays inside is read.
 */
class InputLinksTest extends BadInputTest {

    private static final String SECRET = "SECRET-FROM-OUTSIDE";

    private Path outside() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET);
        Files.writeString(outside.resolve("lesson.md"), "---\ntitle: From outside\n---\n" + SECRET + "\n");
        Files.writeString(outside.resolve("machine.json"), "{\"cpu\": \"" + SECRET + "\"}");
        Files.copy(results.resolve("test-machine/run-1/jmh.json"), outside.resolve("jmh.json"));
        Files.writeString(outside.resolve("style.css"), "/* " + SECRET + " */");
        return outside;
    }

    /** Where each kind of input gets its link, and what the link points at. */
    private Path link(String kind, Path outside) throws IOException {
        return switch (kind) {
            case "content file" -> Files.createSymbolicLink(content.resolve("env.txt"), outside.resolve("secret.txt"));
            case "content lesson" -> Files.createSymbolicLink(content.resolve("host.md"), outside.resolve("lesson.md"));
            case "content folder" -> Files.createSymbolicLink(content.resolve("more"), outside);
            case "template asset" ->
                Files.createSymbolicLink(templates.resolve("assets/extra.css"), outside.resolve("style.css"));
            case "templates folder" -> Files.createSymbolicLink(templates.resolve("assets/more"), outside);
            case "results file" ->
                Files.createSymbolicLink(
                        Files.createDirectories(results.resolve("lab/run-2")).resolve("jmh.json"),
                        outside.resolve("jmh.json"));
            case "machine file" ->
                Files.createSymbolicLink(
                        results.resolve("test-machine/run-1/machine.json"), outside.resolve("machine.json"));
            case "results folder" -> Files.createSymbolicLink(results.resolve("lab"), outside);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "content file",
                "content lesson",
                "content folder",
                "template asset",
                "templates folder",
                "results file",
                "machine file",
                "results folder"
            })
    void aLinkLeadingOutIsSkippedWithAWarningAndIsAnErrorUnderStrict(String kind) throws IOException {
        Path link = link(kind, outside());
        String folder = kind.startsWith("content") ? "content" : kind.startsWith("template") ? "templates" : "results";
        String message = "skipped: a symbolic link to " + link.toRealPath() + ", outside the " + folder
                + " folder; the build reads only files inside it";

        CliRunner lenient = build();

        assertWarning(lenient, link.toString(), message);
        assertNotInSite(site, SECRET);
        String before = fingerprint(site);

        CliRunner strict = build("--strict");

        assertOneError(strict, link.toString(), message);
        assertEquals(before, fingerprint(site));
    }

    @Test
    void aLinkToAHistoryFileOutsideIsSkipped() throws IOException {
        Path history = Files.createDirectories(temp.resolve("history/test-machine"));
        Path secret =
                Files.writeString(temp.resolve("summary.json"), "{\"format\": 1, \"commit\": \"" + SECRET + "\"}");
        Path link = Files.createSymbolicLink(history.resolve("2026-01-01T000000Z-abcdef1.json"), secret);

        CliRunner result = build("--history", temp.resolve("history").toString());

        assertWarning(
                result,
                link.toString(),
                "skipped: a symbolic link to " + secret.toRealPath()
                        + ", outside the history folder; the build reads only files inside it");
        assertNotInSite(site, SECRET);
    }

    @Test
    void aLinkThatStaysInsideIsRead() throws IOException {
        Files.createDirectories(content.resolve("lessons"));
        Files.createSymbolicLink(content.resolve("lessons/again.md"), content.resolve("lesson.md"));

        CliRunner result = build("--strict");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(site.resolve("lessons/again.html")));
    }

    @Test
    void aBrokenLinkIsSkippedWithAWarning() throws IOException {
        Path link = Files.createSymbolicLink(content.resolve("gone.md"), temp.resolve("nowhere.md"));

        assertWarning(
                build(), link.toString(), "skipped: a broken symbolic link (to " + temp.resolve("nowhere.md") + ")");
    }

    @ParameterizedTest(name = "a FIFO in the {0}")
    @ValueSource(strings = {"content", "templates", "results"})
    void aFifoIsRefusedWithoutHangingTheBuild(String where) throws IOException, InterruptedException {
        Path folder = switch (where) {
            case "content" -> content;
            case "templates" -> templates.resolve("assets");
            default -> results.resolve("test-machine/run-1");
        };
        Path fifo = folder.resolve(where.equals("content") ? "pipe.md" : "pipe.json");
        run("mkfifo", fifo.toString());
        String message = "skipped: not a regular file (a device, FIFO or socket); the build reads only regular files";

        assertWarning(build(), fifo.toString(), message);
        String before = fingerprint(site);

        assertOneError(build("--strict"), fifo.toString(), message);
        assertEquals(before, fingerprint(site));
        assertFalse(Files.exists(site.resolve("pipe.html")));
    }
}
