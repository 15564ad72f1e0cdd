package io.github.poolbench.cli;

import io.github.poolbench.compare.Comparison;
import io.github.poolbench.compare.ReportFormat;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.layout.ResultsLayout;
import io.github.poolbench.results.ResultsLoader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Two JMH runs side by side, point by point, with the ratio's interval: a benchstat for JMH. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two JMH JSON files (any project's -rf json output) or run folders holding jmh.json.",
            "Per benchmark, mode and params: both scores with their 99.9 %% intervals, NEW/OLD with its own"
                    + " 99.9 %% interval, and faster, slower or ~ (the interval holds 1)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:compared, whatever the verdicts",
            "1:bad input: a missing or malformed file, a metric in units that do not convert",
            "2:usage error",
            "3:--fail-on regression and a row got slower (or worse, for a secondary metric)"
        })
final class CompareCommand implements Callable<Integer> {

    /** The exit code of {@code --fail-on regression} when a row regressed: neither bad input nor usage. */
    static final int REGRESSED = 3;

    enum FailOn {
        NEVER,
        REGRESSION
    }

    @Parameters(index = "0", paramLabel = "OLD", description = "The baseline: a JMH JSON file or a run folder.")
    Path old;

    @Parameters(index = "1", paramLabel = "NEW", description = "The candidate: a JMH JSON file or a run folder.")
    Path current;

    @Option(
            names = "--format",
            defaultValue = "text",
            paramLabel = "text|markdown|json",
            description = "How to print the comparison (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(
            names = "--fail-on",
            defaultValue = "never",
            paramLabel = "regression",
            description = "Exit " + REGRESSED + " when any row got slower or worse (for CI gates); default never.")
    FailOn failOn;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path oldFile = jmhFile(old);
        Path newFile = jmhFile(current);
        Comparison comparison =
                Comparison.of(oldFile, ResultsLoader.readJmh(oldFile), newFile, ResultsLoader.readJmh(newFile));
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.render(comparison));
        out.flush();
        return failOn == FailOn.REGRESSION && comparison.regressed() ? REGRESSED : 0;
    }

    /** A run folder stands for the JMH file the suite writes in it. */
    private static Path jmhFile(Path given) {
        if (!Files.isDirectory(given)) {
            return given;
        }
        Path file = given.resolve(ResultsLayout.JMH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputException(
                    Location.of(given),
                    "no " + ResultsLayout.JMH_FILE
                            + " in this folder: give a JMH JSON file (-rf json) or a run folder that holds one");
        }
        return file;
    }
}
