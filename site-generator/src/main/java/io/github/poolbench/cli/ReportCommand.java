package io.github.poolbench.cli;

import io.github.poolbench.bench.Profile;
import io.github.poolbench.bench.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The main job: measure this machine, then build the site around its numbers. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Run the benchmarks of a profile on this machine, then build the site quoting them.")
final class ReportCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
            description = "smoke (seconds), quick (minutes, default) or full (publication quality).",
            converter = BenchCommand.ProfileConverter.class)
    Profile profile;

    @Mixin
    MachineOption.Filed machine = new MachineOption.Filed();

    @Mixin
    ResultOptions results = new ResultOptions();

    @Option(names = "--verbose", description = "Also show JMH's own output (always kept in the run folder's jmh.log).")
    boolean verbose;

    @Mixin
    SiteOptions site = new SiteOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<String> machineId = machine.id();
        Path resultsDir = results.results();
        // Refuse the output folder now, not after minutes of measuring.
        io.github.poolbench.render.OutputFolder.check(site.out(), java.util.Map.of("content", site.content(),
                "templates", site.templates(), "results", resultsDir), site.force);
        Suite.Run run = BenchCommand.run(out, profile, resultsDir, machineId, verbose);
        return BuildCommand.build(out, site, resultsDir, Optional.of(run.machineId()));
    }
}
