package io.github.poolbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The results folder, shared by every command that writes or reads results. */
final class ResultOptions {

    @Option(
            names = "--results",
            paramLabel = "DIR",
            description = "JMH results, one folder per machine. Default: content/results/")
    Path results;

    Path results() {
        return results != null ? results : SiteOptions.defaultResults();
    }
}
