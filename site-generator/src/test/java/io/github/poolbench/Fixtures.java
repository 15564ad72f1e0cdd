package io.github.poolbench;

import io.github.poolbench.render.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths to the repository's real folders and the test fixtures, plus copying helpers. */
public final class Fixtures {

    private Fixtures() {}

    /** The repository root: tests run in the module folder, one level below. */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("templates")) ? here : here.getParent();
    }

    /** The real templates the site ships with. */
    public static Path templates() {
        return repoRoot().resolve("templates");
    }

    public static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures").resolve(name).toAbsolutePath();
    }

    /** Copies a folder tree, so a test can change it freely. */
    public static Path copy(Path from, Path to) {
        try {
            return FileTrees.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line number of the first line of {@code file} that starts with {@code start}: content moves, checks stay. */
    public static int lineOf(Path file, String start) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(start)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(file + " has no line starting with " + start);
    }
}
