package io.github.poolbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The history folder: {@code record} adds to it, {@code build} and {@code serve} chart it on the trend page. */
final class HistoryOption {

    @Option(
            names = "--history",
            paramLabel = "DIR",
            description =
                    "Recorded runs (see record), charted on the trend page. "
                            + "Default: content/history/, once a run is recorded there (a build without runs makes no trend page).")
    Path history;

    /** Where {@code record} writes. */
    Path folder() {
        return history != null ? history : defaultFolder();
    }

    /**
     * What a build charts: the folder given, or the default one once it holds a machine's recorded runs. The
     * default folder always exists (it keeps {@code acknowledged.yml}), and a page saying "no runs yet" on
     * every site built from this checkout, whatever its {@code --content}, would help no one.
     */
    Optional<Path> toChart() {
        return history != null || holdsRuns(defaultFolder()) ? Optional.of(folder()) : Optional.empty();
    }

    private static boolean holdsRuns(Path folder) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.anyMatch(entry -> Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException unreadable) {
            return true; // charted, so that the build reports what it cannot read at its place
        }
    }

    static Path defaultFolder() {
        return PoolbenchCli.home().resolve("content").resolve("history");
    }
}
