package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Black-box runs of {@code build --out} at folders the build must not replace, and at one it cannot write. */
class OutputFolderTest extends BadInputTest {

    @Test
    void aFolderOfTheUsersIsRefusedAndKept() throws IOException {
        Path mine = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "years of work");
        String before = fingerprint(mine);

        CliRunner result = build("--out", mine.toString());

        assertOneError(
                result,
                mine.toString(),
                "output folder is not empty and holds no site built by poolbench (no .poolbench-site file); a build "
                        + "replaces the whole folder. Choose an empty or new folder, or pass --force to replace this "
                        + "one (a site built before poolbench marked its output needs --force once)");
        assertEquals(before, fingerprint(mine));
    }

    @Test
    void forceReplacesANonEmptyFolder() throws IOException {
        Path mine = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.txt"), "years of work");

        CliRunner result = build("--out", mine.toString(), "--force");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(mine.resolve("index.html")) && !Files.exists(mine.resolve("thesis.txt")));
    }

    @Test
    void anEmptyFolderAndTheBuildsOwnSiteAreReplaced() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(site.resolve("stale.html"), "from an older build");

        assertEquals(0, build("--out", empty.toString()).exitCode());
        assertEquals(0, build().exitCode());
        assertTrue(Files.exists(empty.resolve("index.html")) && Files.exists(empty.resolve(".poolbench-site")));
        assertTrue(!Files.exists(site.resolve("stale.html")), "the build's own site is replaced whole");
    }

    @ParameterizedTest(name = "--out {0}, with --force too")
    @ValueSource(strings = {"file", "content", "templates", "results", "history", "parent", "inside-content"})
    void foldersThatAreNotTheSitesAreRefusedEvenWithForce(String which) throws IOException {
        Path history = Files.createDirectories(temp.resolve("history/test-machine"));
        Files.writeString(history.resolve("2026-01-01T000000Z-abcdef1.json"), "{}");
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        Path out = switch (which) {
            case "file" -> file;
            case "content" -> content;
            case "templates" -> templates;
            case "results" -> results;
            case "history" -> temp.resolve("history");
            case "parent" -> temp;
            default -> content.resolve("site");
        };
        String message = switch (which) {
            case "file" -> "output folder is a file, not a folder; the build will not replace it. Choose another --out";
            case "parent" ->
                "output folder holds the content folder " + content
                        + "; the build would replace its own input. Choose another --out";
            case "inside-content" ->
                "output folder lies inside the content folder " + content
                        + "; the site would become input to the next build. Choose another --out";
            default ->
                "output folder is the " + which
                        + " folder; the build would replace its own input. Choose another --out";
        };
        String before = fingerprint(temp);

        for (List<String> extra : List.of(List.<String>of(), List.of("--force"))) {
            List<String> args = new java.util.ArrayList<>(
                    List.of("--history", temp.resolve("history").toString(), "--out", out.toString()));
            args.addAll(extra);
            CliRunner result = build(args.toArray(String[]::new));

            assertOneError(result, out.toString(), message);
            assertEquals(before, fingerprint(temp), "nothing changed");
        }
    }

    /** {@code report} checks the output folder before it measures, against the same inputs as {@code build}. */
    @Test
    void reportRefusesTheHistoryFolderBeforeMeasuring() throws IOException {
        Path history = Files.createDirectories(temp.resolve("history/test-machine"));
        Files.writeString(history.resolve("2026-01-01T000000Z-abcdef1.json"), "{}");
        String before = fingerprint(temp);

        CliRunner result = command(
                "report",
                "--profile",
                "smoke",
                "--history",
                history.getParent().toString(),
                "--out",
                history.getParent().toString());

        assertOneError(
                result,
                temp.resolve("history").toString(),
                "output folder is the history folder; the build would replace its own input. Choose another --out");
        assertEquals(before, fingerprint(temp), "nothing measured, nothing changed");
    }

    /** The working folder, in a process of its own started there: {@code --out .} must not take the folder it runs in. */
    @Test
    void theWorkingFolderIsRefused() throws IOException, InterruptedException {
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.writeString(work.resolve("notes.txt"), "mine");
        String before = fingerprint(work);
        Process process = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        PoolbenchCli.class.getName(),
                        "build",
                        "--content",
                        content.toString(),
                        "--templates",
                        templates.toString(),
                        "--results",
                        results.toString(),
                        "--out",
                        ".",
                        "--force")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the build finished");
        String output = new String(process.getInputStream().readAllBytes()).strip();

        assertEquals(1, process.exitValue(), output);
        assertEquals(
                ".: error: output folder is the working folder; the build replaces the whole output folder, "
                        + "so choose a folder of its own, such as site/",
                output);
        assertEquals(before, fingerprint(work));
    }

    @Test
    void aSymbolicLinkAsOutputIsRefused() throws IOException {
        Path target = Files.createDirectories(temp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), target);

        assertOneError(
                build("--out", link.toString()),
                link.toString(),
                "output folder is a symbolic link; name the folder itself (" + target + ")");
    }

    /**
     * A folder nobody may write: 0555, and immutable as well when the tests run as root (which
     * permissions do not stop). One line naming it, and the previous site as it was.
     */
    @Test
    void anUnwritableFolderGivesOneLineNamingIt() throws IOException, InterruptedException {
        Path locked = Files.createDirectories(temp.resolve("locked"));
        Path out = locked.resolve("site");
        assertEquals(0, build("--out", out.toString()).exitCode());
        String before = fingerprint(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (root()) {
            run("chattr", "+i", locked.toString());
        }
        try {
            CliRunner result = build("--out", out.toString());

            assertOneError(
                    result,
                    locked.toString(),
                    "cannot write the site for " + out + " here ("
                            + (root() ? "operation not permitted" : "permission denied")
                            + "): make this folder writable, or choose another --out");
        } finally {
            if (root()) {
                run("chattr", "-i", locked.toString());
            }
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertEquals(before, fingerprint(locked));
    }

    /** However the chart cache or a lesson's image was saved, the published site is readable by a web server of another user. */
    @Test
    void publishedFilesHaveOrdinaryPermissions() throws IOException {
        Path image = content.resolve("private.png");
        Files.write(image, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-------"));
        Path probeFolder = Files.createDirectory(temp.resolve("probe"));
        String folderMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(probeFolder));
        String fileMode = PosixFilePermissions.toString(
                Files.getPosixFilePermissions(Files.createFile(probeFolder.resolve("f"))));

        assertEquals(0, build().exitCode());

        try (var walk = Files.walk(site)) {
            for (Path path : walk.toList()) {
                assertEquals(
                        Files.isDirectory(path) ? folderMode : fileMode,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path)),
                        path.toString());
            }
        }
    }
}
