package io.github.poolbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The history folder: {@code record} adds to it, {@code build} and {@code serve} chart it on the trend page. */
final class HistoryOption {

    @Option(
            names = "--history",
            paramLabel = "DIR",
            description = "Recorded runs (see record), charted on the trend page. "
                    + "Default: content/history/ (a build without it makes no trend page).")
    Path history;

    /** Where {@code record} writes. */
    Path folder() {
        return history != null ? history : defaultFolder();
    }

    /** What a build charts: the folder given, or the default one when it exists. */
    Optional<Path> toChart() {
        return history != null || Files.isDirectory(defaultFolder()) ? Optional.of(folder()) : Optional.empty();
    }

    static Path defaultFolder() {
        return PoolbenchCli.home().resolve("content").resolve("history");
    }
}
