package io.github.poolbench.machine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs a small probe command (sysctl, git, systemd-detect-virt) with a hard timeout. */
public final class Commands {

    /** Enough for any probe here; a hung {@code git} or {@code sysctl} must not hang a benchmark run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private Commands() {}

    /**
     * Runs {@code command} in {@code directory} (null: the current one) and returns its trimmed
     * standard output, or empty when the program is missing, exits non-zero, or outlives {@code
     * timeout} (then it is killed). Standard error is discarded; standard input is empty.
     */
    public static Optional<String> run(Path directory, Duration timeout, List<String> command) {
        return exec(directory, timeout, command, true);
    }

    /** {@link #run(Path, Duration, List)} in the current directory with the default timeout. */
    public static Optional<String> run(String... command) {
        return exec(null, DEFAULT_TIMEOUT, List.of(command), true);
    }

    /**
     * Like {@link #run(String...)} but keeps the output whatever the exit status: {@code
     * systemd-detect-virt} prints {@code none} and exits 1 on bare metal.
     */
    public static Optional<String> runAnyExit(String... command) {
        return exec(null, DEFAULT_TIMEOUT, List.of(command), false);
    }

    private static Optional<String> exec(
            Path directory, Duration timeout, List<String> command, boolean requireSuccess) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        // Read on another thread: readAllBytes() alone would block past the timeout on a hung child.
        CompletableFuture<String> output =
                CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), Thread::startVirtualThread);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = output.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip();
            return requireSuccess && process.exitValue() != 0 ? Optional.empty() : Optional.of(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            return Optional.empty();
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
