package io.github.poolbench.cli;

import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A machine id given on the command line. {@code --machine} used to name the machine in two
 * senses: where {@code bench}, {@code report} and {@code record} file results ({@link Filed},
 * now {@code --machine-id}) and whose numbers {@code build} and {@code serve} quote ({@link
 * Quoted}, now {@code --quote-machine}). The old name still works, hidden from the help, and
 * says on stderr which name to use instead.
 */
abstract sealed class MachineOption permits MachineOption.Filed, MachineOption.Quoted {

    @Option(names = "--machine", hidden = true, paramLabel = "ID")
    String legacy;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The option's current name, e.g. {@code --machine-id}. */
    abstract String name();

    /** What the option means, for the warning. */
    abstract String meaning();

    abstract String given();

    /** The machine id, if one was given; warns on stderr when it came by the old name. */
    Optional<String> id() {
        if (legacy == null) {
            return Optional.ofNullable(given());
        }
        if (given() != null && !given().equals(legacy)) {
            throw new CommandLine.ParameterException(
                    command.commandLine(),
                    "--machine and " + name() + " name different machines; give " + name() + " only");
        }
        command.commandLine()
                .getErr()
                .printf("poolbench: warning: --machine is deprecated; use %s (%s)%n", name(), meaning());
        command.commandLine().getErr().flush();
        return Optional.of(legacy);
    }

    /** The id results are filed under: {@code bench}, {@code report} and {@code record}. */
    static final class Filed extends MachineOption {

        @Option(
                names = "--machine-id",
                paramLabel = "ID",
                description =
                        "The machine id the results are filed under (bench, report) or whose newest run is recorded "
                                + "(record). Default: derived from the hardware (bench, report), the newest run of any machine (record).")
        String id;

        @Override
        String name() {
            return "--machine-id";
        }

        @Override
        String meaning() {
            return "the id the results are filed under";
        }

        @Override
        String given() {
            return id;
        }
    }

    /** The machine whose numbers a site quotes: {@code build} and {@code serve}. */
    static final class Quoted extends MachineOption {

        @Option(
                names = "--quote-machine",
                paramLabel = "ID",
                description = "The machine whose numbers the lessons quote. Default: the newest run's.")
        String id;

        @Override
        String name() {
            return "--quote-machine";
        }

        @Override
        String meaning() {
            return "the machine whose numbers the lessons quote";
        }

        @Override
        String given() {
            return id;
        }
    }
}
