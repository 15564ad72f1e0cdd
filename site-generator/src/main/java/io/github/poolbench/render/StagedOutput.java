package io.github.poolbench.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A build writes into a fresh staging folder beside the output and swaps it in only at the end,
 * so a failed build leaves the previous site exactly as it was.
 */
public final class StagedOutput implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private boolean published;

    private StagedOutput(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Creates an empty staging folder next to {@code target} (same file system, so the swap is a rename). */
    public static StagedOutput beside(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + "-staging-");
            return new StagedOutput(absolute, staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder beside " + target, e);
        }
    }

    /** Where the build writes. */
    public Path folder() {
        return staging;
    }

    /** Replaces the target with the staged site. */
    public void publish() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
            published = true;
            if (old != null) {
                FileTrees.delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the site to " + target, e);
        }
    }

    /** Drops the staging folder unless it was published. */
    @Override
    public void close() {
        if (!published) {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove staging folder " + staging, e);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
