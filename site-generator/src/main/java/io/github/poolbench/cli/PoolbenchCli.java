package io.github.poolbench.cli;

import io.github.poolbench.diagnostics.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; its subcommands do the work. */
@Command(
        name = "poolbench",
        mixinStandardHelpOptions = true,
        versionProvider = PoolbenchCli.Version.class,
        description =
                "Measures processes, thread pools and virtual threads on this machine and publishes the lessons as a static site.",
        subcommands = {
            ReportCommand.class,
            BenchCommand.class,
            BuildCommand.class,
            ServeCommand.class,
            RecordCommand.class,
            CompareCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PoolbenchCli implements Runnable {

    /** Exit code for input that cannot be used. */
    public static final int BAD_INPUT = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new PoolbenchCli())
                .setExecutionExceptionHandler(PoolbenchCli::handle)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: choose report, bench, build, serve or record");
    }

    /** Bad input is one line per error naming the file; anything else is a bug and keeps its stack trace. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof InputException input) {
            input.errors().forEach(error -> err.println(error));
            err.flush();
            return BAD_INPUT;
        }
        if (fileSystemError(e) instanceof java.nio.file.FileSystemException fs) {
            // A folder that cannot be read or written is the user's to fix, not a bug: one line, no stack trace.
            err.println((fs.getFile() == null ? "poolbench" : fs.getFile()) + ": error: "
                    + io.github.poolbench.files.InputTree.reason(fs)
                    + "; check the folder's permissions and free space");
            err.flush();
            return BAD_INPUT;
        }
        err.println("poolbench: " + e);
        e.printStackTrace(err);
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }

    private static Throwable fileSystemError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.nio.file.FileSystemException) {
                return cause;
            }
        }
        return null;
    }

    /**
     * Where relative defaults resolve: the launcher passes the repository root as
     * {@code -Dpoolbench.home}, so {@code ./poolbench} works from any folder.
     */
    static Path home() {
        return Path.of(System.getProperty("poolbench.home", "."));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PoolbenchCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "poolbench " + (version == null ? "(development build)" : version),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
