package io.github.poolbench.cli;

import io.github.poolbench.bench.Suite;
import io.github.poolbench.format.Profile;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the JMH suite on this machine and files the results. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "Run the benchmarks of a profile on this machine and write JMH JSON under content/results/<machine-id>/.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    BenchOptions measuring = new BenchOptions();

    @Mixin
    MachineOption.Filed machine = new MachineOption.Filed();

    @Mixin
    ResultOptions results = new ResultOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        run(spec.commandLine().getOut(), measuring.profile, results.results(), machine.id(), measuring.verbose);
        return 0;
    }

    static Suite.Run run(PrintWriter out, Profile profile, Path results, Optional<String> machine, boolean verbose)
            throws Exception {
        out.printf("Running the %s profile; results go to %s%n", profile.id(), results);
        out.flush();
        PrintStream progress =
                new PrintStream(new WriterOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
        Suite.Run run = Suite.run(new Suite.Request(profile, results, machine, progress, isTerminal(), verbose));
        progress.flush();
        out.printf("Wrote %s%n", run.jmhJson());
        out.flush();
        return run;
    }

    /**
     * Whether stdout is a terminal, where a progress line can be redrawn in place. Since JDK 22
     * {@code System.console()} exists even when output is redirected, so ask it.
     */
    static boolean isTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
