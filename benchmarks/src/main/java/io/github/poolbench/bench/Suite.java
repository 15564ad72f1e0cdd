package io.github.poolbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the suite for one profile and stores the results as
 * {@code <resultsRoot>/<machine-id>/<run-id>/jmh.json}.
 */
public final class Suite {

    /** The JMH results file of every run folder. */
    public static final String JMH_FILE = "jmh.json";

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * What to run and where to put it.
     *
     * @param machineName overrides the machine id the results are filed under; empty derives one
     */
    public record Request(Profile profile, Path resultsRoot, Optional<String> machineName, PrintStream progress) {}

    /** Where a finished run left its files. */
    public record Run(String machineId, String runId, Path directory, Path jmhJson) {}

    private Suite() {}

    /** Runs the benchmarks of the request's profile; the progress stream receives JMH's log. */
    public static Run run(Request request) throws RunnerException {
        String runId = RUN_ID.format(Instant.now()) + "-" + request.profile().id();
        String machineId = request.machineName().orElse("local");
        Path directory = request.resultsRoot().resolve(machineId).resolve(runId);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create results folder " + directory, e);
        }
        Path json = directory.resolve(JMH_FILE);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(SleepBenchmark.class.getName() + ".map")
                .include(SleepBenchmark.class.getName() + ".sequential")
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(true)
                // Forks would otherwise inherit the host JVM's flags (class-data archive, system properties).
                .jvmArgs("--sun-misc-unsafe-memory-access=allow");
        new Runner(request.profile().apply(options).build(),
                OutputFormatFactory.createFormatInstance(request.progress(), VerboseMode.NORMAL)).run();
        return new Run(machineId, runId, directory, json);
    }
}
