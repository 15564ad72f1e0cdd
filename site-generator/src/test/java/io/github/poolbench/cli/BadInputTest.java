package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared ground for the black-box runs of {@code poolbench build} on bad input: copies of the
 * fixtures to spoil, a previous site built from them, and a fingerprint of that site to show it is
 * byte for byte the same after a refused build.
 */
abstract class BadInputTest {

    @TempDir
    Path temp;

    Path content;
    Path templates;
    Path results;
    Path site;

    @BeforeEach
    void copyInputsAndBuildAPreviousSite() throws IOException {
        content = Fixtures.copy(Fixtures.fixture("content"), temp.resolve("content"));
        templates = Fixtures.copy(Fixtures.templates(), temp.resolve("templates"));
        results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results"));
        site = temp.resolve("site");
        CliRunner first = build();
        assertEquals(0, first.exitCode(), first.err());
    }

    /** {@code build} from the copies into {@link #site} (unless {@code extra} names another {@code --out}), with {@code extra}. */
    CliRunner build(String... extra) {
        return command("build", extra);
    }

    /** {@code command} ({@code build} or {@code report}) on the copies, as {@link #build} runs {@code build}. */
    CliRunner command(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                command,
                "--content",
                content.toString(),
                "--templates",
                templates.toString(),
                "--results",
                results.toString()));
        if (!List.of(extra).contains("--out")) {
            args.addAll(List.of("--out", site.toString()));
        }
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** Asserts exit 1 with exactly one line on stderr, {@code location: error: message}, the message whole. */
    static void assertOneError(CliRunner result, String location, String message) {
        assertEquals(1, result.exitCode(), result.out() + result.err());
        assertEquals(
                List.of(location + ": error: " + message), result.err().lines().toList());
    }

    /** Asserts exit 0 and that stdout holds the line {@code location: warning: message}, the message whole. */
    static void assertWarning(CliRunner result, String location, String message) {
        assertEquals(0, result.exitCode(), result.err());
        String line = location + ": warning: " + message;
        assertTrue(
                result.out().lines().anyMatch(line::equals),
                "expected the line\n" + line + "\nbut got\n" + result.out());
    }

    /** Every path below {@code root}, its kind, mode and bytes: equal fingerprints mean an untouched tree. */
    static String fingerprint(Path root) throws IOException {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return "missing";
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted().toList()) {
                String kind = Files.isSymbolicLink(path) ? "link" : Files.isDirectory(path) ? "dir" : "file";
                digest.update((root.relativize(path) + "\0" + kind + "\0"
                                + java.nio.file.attribute.PosixFilePermissions.toString(
                                        Files.getPosixFilePermissions(path, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                                + "\0")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (kind.equals("file")) {
                    digest.update(Files.readAllBytes(path));
                }
            }
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    /** Runs a program to the end (at most a minute), for what Java cannot make: FIFOs, immutable folders. */
    static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static void assertNotInSite(Path site, String text) throws IOException {
        try (var walk = Files.walk(site)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                assertFalse(
                        new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                                .contains(text),
                        file + " holds " + text);
            }
        }
    }
}
