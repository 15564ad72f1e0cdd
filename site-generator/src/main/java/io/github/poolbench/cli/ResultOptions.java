package io.github.poolbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which results a site is built from and whose numbers it quotes, shared by {@code build} and {@code serve}. */
final class ResultOptions {

    @Option(names = "--results", paramLabel = "DIR", description = "JMH results, one folder per machine. Default: content/results/")
    Path results;

    @Option(names = "--machine", paramLabel = "ID", description = "The machine whose numbers the lessons quote. Default: the newest run's.")
    String machine;

    Path results() {
        return results != null ? results : SiteOptions.defaultResults();
    }

    Optional<String> machine() {
        return Optional.ofNullable(machine);
    }
}
