package io.github.poolbench.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.poolbench.format.MachineDescription;
import io.github.poolbench.format.Profile;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.layout.ResultsLayout;
import io.github.poolbench.machine.LoadAverage;
import io.github.poolbench.machine.MachineProbe;
import io.github.poolbench.machine.PrivateJson;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the suite for one profile and files the results in a new run folder of the {@link
 * ResultsLayout}: JMH's JSON (all steps merged), the {@link MachineDescription}, the {@link
 * RunRecord} (profile, wall time, load before and after, error summary) and JMH's log. A run that
 * fails keeps its partial results under {@link ResultsLayout#PARTIAL_JMH_FILE} (and is removed if
 * it measured nothing), with its record saying {@code failed}.
 */
public final class Suite {

    /** The questions whose errors each profile promises to keep within its target. */
    static final Set<String> TARGETED = Set.of("SleepBenchmark", "FetchBenchmark", "PrimesBenchmark");

    /** How long a step waits for another JMH run on this machine before JMH itself refuses. */
    static final Duration LOCK_PATIENCE = Duration.ofMinutes(30);

    /**
     * What to run and where to put it.
     *
     * @param machineName overrides the machine id the results are filed under; empty derives one
     * @param progress the terminal: progress and one line per finished benchmark
     * @param live redraw one progress line in place (a terminal) rather than print plain lines
     * @param verbose also show JMH's raw output, which otherwise goes to {@link ResultsLayout#LOG_FILE} only
     */
    public record Request(
            Profile profile,
            Path resultsRoot,
            Optional<String> machineName,
            PrintStream progress,
            boolean live,
            boolean verbose) {

        /** Plain lines, JMH's output in the log only. */
        public Request(Profile profile, Path resultsRoot, Optional<String> machineName, PrintStream progress) {
            this(profile, resultsRoot, machineName, progress, false, false);
        }

        Progress.Display display() {
            return verbose ? Progress.Display.VERBOSE : live ? Progress.Display.LIVE : Progress.Display.PLAIN;
        }
    }

    /** Where a finished run left its files. */
    public record Run(String machineId, String runId, Path directory, Path jmhJson) {}

    private Suite() {}

    /** Runs the benchmarks of the request's profile. */
    public static Run run(Request request) throws RunnerException {
        return run(request, ProfilePlans.of(request.profile()));
    }

    /**
     * Runs the given steps, filed under the request's profile name: tests and one-off runs use it.
     *
     * @throws RunnerException if a benchmark failed; the folder then holds what was measured so far
     *     as {@code jmh.json.partial}, with {@code run.json} saying {@code failed}
     */
    public static Run run(Request request, List<RunPlan.Step> steps) throws RunnerException {
        PrintStream out = request.progress();
        // Read first: probing the machine starts processes of its own.
        OptionalDouble loadBefore = LoadAverage.beforeThisCommand();
        Instant started = Instant.now();
        MachineDescription machine = MachineProbe.describe(request.machineName().orElse(null), checkout());
        Path directory = ResultsLayout.newRunFolder(
                request.resultsRoot(),
                machine.machineId(),
                started,
                request.profile().id());
        String runId = directory.getFileName().toString();
        PrivateJson.write(machine, directory.resolve(ResultsLayout.MACHINE_FILE));

        int cores = machine.cpu().logicalCores();
        List<String> warnings = new ArrayList<>();
        warnIfBusy(loadBefore, warnings, out);

        int planned = RunPlan.count(steps);
        out.printf(
                "poolbench: %s profile, %d benchmarks in %d steps, machine %s, run %s%n",
                request.profile().id(), planned, steps.size(), machine.machineId(), runId);
        Path parts = temporaryFolder();
        List<Path> partFiles = new ArrayList<>();
        String failure = null;
        PrintStream log = openLog(directory.resolve(ResultsLayout.LOG_FILE));
        Progress progress = new Progress(
                out,
                log,
                request.display(),
                planned,
                steps.size(),
                request.profile().targetErrorPercent());
        try {
            for (int i = 0; i < steps.size(); i++) {
                Path part = parts.resolve("step-" + i + ".json");
                partFiles.add(part);
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .result(part.toString())
                        .resultFormat(ResultFormatType.JSON)
                        .shouldFailOnError(true)
                        .jvmArgs() // none of the host's: the launcher's class-data archive must stay its own
                        .jvmArgsAppend(JvmFlags.FORKS.toArray(String[]::new));
                Duration waited = JmhLock.awaitFree(LOCK_PATIENCE, out);
                if (waited.toSeconds() >= 5) {
                    warnings.add("waited " + Progress.clock(waited) + " for another JMH run to finish before step "
                            + (i + 1));
                }
                new Runner(steps.get(i).applyTo(options).build(), progress.format(i)).run();
            }
        } catch (Throwable e) {
            // Anything, even an Error, marks the run failed; precise rethrow keeps the signature.
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        } finally {
            progress.close();
            log.close();
            ArrayNode entries = JmhJson.merge(partFiles);
            // A failed run keeps what it measured, but not under a name the site would publish.
            JmhJson.write(
                    entries,
                    directory.resolve(failure == null ? ResultsLayout.JMH_FILE : ResultsLayout.PARTIAL_JMH_FILE));
            deleteQuietly(parts);
            // Recorded, never judged: the run's own work raises the average it leaves behind.
            OptionalDouble loadAfter = LoadAverage.oneMinute();
            Instant finished = Instant.now();
            RunRecord record = record(
                    request,
                    steps,
                    machine,
                    runId,
                    started,
                    finished,
                    planned,
                    entries,
                    loadBefore,
                    loadAfter,
                    cores,
                    warnings,
                    failure,
                    out);
            PrivateJson.write(record, directory.resolve(ResultsLayout.RUN_FILE));
            if (failure != null && entries.isEmpty()) {
                // Nothing was measured: an empty run must not become the machine's latest results.
                deleteQuietly(directory);
                out.printf("poolbench: nothing measured; removed %s%n", directory);
            }
            out.printf(
                    "poolbench: %s run %s in %s; results in %s (JMH's output: %s)%n",
                    record.status(),
                    runId,
                    Progress.clock(Duration.between(started, finished)),
                    directory,
                    ResultsLayout.LOG_FILE);
        }
        return new Run(machine.machineId(), runId, directory, directory.resolve(ResultsLayout.JMH_FILE));
    }

    private static RunRecord record(
            Request request,
            List<RunPlan.Step> steps,
            MachineDescription machine,
            String runId,
            Instant started,
            Instant finished,
            int planned,
            ArrayNode entries,
            OptionalDouble loadBefore,
            OptionalDouble loadAfter,
            int cores,
            List<String> warnings,
            String failure,
            PrintStream out) {
        List<RunRecord.RelativeError> errors = JmhJson.relativeErrors(entries);
        Optional<RunRecord.RelativeError> largest = JmhJson.largest(errors);
        double target = request.profile().targetErrorPercent();
        List<RunRecord.RelativeError> aboveTarget = errors.stream()
                .filter(e -> TARGETED.contains(JmhJson.workload(e)))
                .filter(e -> e.percent() > target)
                .sorted(Comparator.comparingDouble(RunRecord.RelativeError::percent)
                        .reversed())
                .toList();
        largest.ifPresent(e -> out.printf(
                "poolbench: largest relative error %.1f %% (%s %s)%n", e.percent(), e.benchmark(), e.params()));
        if (!aboveTarget.isEmpty()) {
            String message = aboveTarget.size() + " sleep/fetch/primes results have an error above " + target
                    + " % of the score";
            warnings.add(message);
            out.println("poolbench: warning: " + message);
        }
        if (failure == null && entries.size() != planned) {
            warnings.add("planned " + planned + " benchmarks but " + ResultsLayout.JMH_FILE + " has " + entries.size());
        }
        List<RunRecord.WorkloadErrors> summary = JmhJson.summarise(errors, target);
        summary.forEach(w -> out.printf(
                "poolbench: %s: %d results, relative error median %.1f %%, worst %.1f %%, %d within %.0f %%%n",
                w.workload(), w.results(), w.medianPercent(), w.worstPercent(), w.withinTarget(), target));
        var load = new RunRecord.Load(
                boxed(loadBefore), boxed(loadAfter), cores, LoadAverage.BUSY_ABOVE, isBusy(loadBefore));
        return new RunRecord(
                runId,
                request.profile().id(),
                machine.machineId(),
                failure == null ? "complete" : "failed",
                failure,
                started.truncatedTo(ChronoUnit.SECONDS).toString(),
                finished.truncatedTo(ChronoUnit.SECONDS).toString(),
                Duration.between(started, finished).toMillis() / 1000.0,
                planned,
                entries.size(),
                load,
                largest.orElse(null),
                target,
                summary,
                aboveTarget,
                JvmFlags.FORKS,
                steps.stream().map(RunPlan.Step::record).toList(),
                List.copyOf(warnings),
                null); // the reference mark is a maintainer's, never the suite's
    }

    /**
     * The quiet-machine guard, judged on the load before the run: numbers from a busy machine are
     * slower and noisier than they should be.
     */
    private static void warnIfBusy(OptionalDouble load, List<String> warnings, PrintStream out) {
        if (isBusy(load)) {
            String message = String.format(
                    Locale.ROOT,
                    "machine busy before the run: 1-minute load %.2f (above %.1f)",
                    load.getAsDouble(),
                    LoadAverage.BUSY_ABOVE);
            warnings.add(message);
            out.println("poolbench: warning: " + message);
        }
    }

    private static boolean isBusy(OptionalDouble load) {
        return load.isPresent() && LoadAverage.isBusy(load.getAsDouble());
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /** The checkout whose commit is recorded: the launcher's {@code poolbench.home}, else here. */
    private static Path checkout() {
        return Path.of(System.getProperty("poolbench.home", "")).toAbsolutePath();
    }

    private static PrintStream openLog(Path file) {
        try {
            return new PrintStream(Files.newOutputStream(file), true, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("poolbench-jmh-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
