package io.github.poolbench.cli;

import io.github.poolbench.bench.Suite;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The main job: measure this machine, then build the site around its numbers. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Run the benchmarks of a profile on this machine, then build the site quoting them.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    BenchOptions measuring = new BenchOptions();

    @Mixin
    MachineOption.Filed machine = new MachineOption.Filed();

    @Mixin
    ResultOptions results = new ResultOptions();

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
        io.github.poolbench.render.OutputFolder.check(
                site.out(),
                io.github.poolbench.site.BuildRequest.inputs(
                        site.content(), site.templates(), resultsDir, site.history()),
                site.force);
        Suite.Run run = BenchCommand.run(out, measuring.profile, resultsDir, machineId, measuring.verbose);
        try {
            // The site quotes the run just made, that one and no other (QuoteRule).
            return BuildCommand.build(
                    out, site, resultsDir, Optional.of(run.machineId()), Optional.of(run.runId()), false);
        } catch (io.github.poolbench.diagnostics.InputException e) {
            // The run cost minutes: it stays, and the message says how to build from it.
            PrintWriter err = spec.commandLine().getErr();
            e.errors().forEach(err::println);
            err.println("poolbench: the run is kept in " + run.directory() + "; once the error above is fixed, "
                    + "./poolbench build --quote-machine " + run.machineId()
                    + " builds the site from it (a plain ./poolbench build quotes the reference run)");
            err.flush();
            return PoolbenchCli.BAD_INPUT;
        }
    }
}
