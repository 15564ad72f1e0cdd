package io.github.poolbench.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When a lesson's source last changed, from git's history: the date of the last commit that
 * touched it. A shallow clone (a CI checkout of depth 1) would date every file at the newest
 * commit, so there, as outside a git work tree, no date is shown rather than a wrong one.
 */
final class LastModified {

    private static final long TIMEOUT_SECONDS = 10;

    private final Path folder;
    private final boolean known;

    private LastModified(Path folder, boolean known) {
        this.folder = folder;
        this.known = known;
    }

    /** The history of the work tree {@code content} sits in, if it has a full one. */
    static LastModified of(Path content) {
        Optional<String> shallow = git(content, List.of("rev-parse", "--is-shallow-repository"));
        return new LastModified(content, shallow.filter("false"::equals).isPresent());
    }

    /** The date ({@code 2026-12-07}) of the last commit that changed {@code file}; empty when unknown. */
    Optional<String> dateOf(Path file) {
        if (!known) {
            return Optional.empty();
        }
        return git(
                        folder,
                        List.of(
                                "log",
                                "-1",
                                "--format=%cs",
                                "--",
                                file.toAbsolutePath().toString()))
                .filter(date -> date.matches("\\d{4}-\\d{2}-\\d{2}"));
    }

    /** What {@code git -C folder args…} prints, if it runs and succeeds within the timeout. */
    static Optional<String> git(Path folder, List<String> args) {
        List<String> command = new java.util.ArrayList<>(
                List.of("git", "-C", folder.toAbsolutePath().toString()));
        command.addAll(args);
        Process process = null;
        Path out = null;
        try {
            out = Files.createTempFile("poolbench-git-", ".out");
            // Output to a file, not a pipe: a git that hangs is stopped at the timeout, not read forever.
            process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(out, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty(); // no git: no dates
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
