package io.github.poolbench.cli;

import io.github.poolbench.bench.Profile;
import io.github.poolbench.bench.Suite;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the JMH suite on this machine and files the results. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmarks of a profile on this machine and write JMH JSON under content/results/<machine-id>/.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
            description = "smoke (seconds), quick (minutes, default) or full (publication quality).",
            converter = ProfileConverter.class)
    Profile profile;

    @Mixin
    MachineOption.Filed machine = new MachineOption.Filed();

    @Mixin
    ResultOptions results = new ResultOptions();

    @Option(names = "--verbose", description = "Also show JMH's own output (always kept in the run folder's jmh.log).")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        run(spec.commandLine().getOut(), profile, results.results(), machine.id(), verbose);
        return 0;
    }

    static Suite.Run run(PrintWriter out, Profile profile, Path results, Optional<String> machine, boolean verbose)
            throws Exception {
        out.printf("Running the %s profile; results go to %s%n", profile.id(), results);
        out.flush();
        PrintStream progress = new PrintStream(new WriterOutputStream(out), true, java.nio.charset.StandardCharsets.UTF_8);
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

    /** Lets {@code --profile} say which names exist when it is given a wrong one. */
    static final class ProfileConverter implements CommandLine.ITypeConverter<Profile> {
        @Override
        public Profile convert(String value) {
            try {
                return Profile.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
