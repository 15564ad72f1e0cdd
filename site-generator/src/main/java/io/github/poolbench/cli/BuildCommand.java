package io.github.poolbench.cli;

import io.github.poolbench.site.BuildRequest;
import io.github.poolbench.site.BuildSummary;
import io.github.poolbench.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds the site from lessons and results already on disk. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the static site from content/ and the results, without running benchmarks.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site = new SiteOptions();

    @Option(names = "--results", paramLabel = "DIR", description = "JMH results, one folder per machine. Default: content/results/")
    Path results;

    @Option(names = "--machine", paramLabel = "ID", description = "The machine whose numbers the lessons quote. Default: the newest run's.")
    String machine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path resultsDir = results != null ? results : SiteOptions.defaultResults();
        return build(spec.commandLine().getOut(), site, resultsDir, Optional.ofNullable(machine));
    }

    /** Builds and reports the outcome; shared with {@code report}. */
    static int build(PrintWriter out, SiteOptions site, Path results, Optional<String> machine) {
        BuildSummary summary = new SiteBuilder().build(new BuildRequest(site.content(), site.templates(), results,
                site.out(), machine, site.strict, site.history()));
        summary.warnings().forEach(warning -> out.println(warning));
        out.printf("Built %d pages and %d charts into %s%n", summary.pages(), summary.charts(), summary.out());
        out.flush();
        return 0;
    }
}
