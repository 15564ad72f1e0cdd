package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultsLoaderTest {

    @Test
    void readsRunsPerMachineWithParamsErrorsAndRawData() {
        ResultSet results = ResultsLoader.load(Fixtures.fixture("results"));

        assertEquals(1, results.runs().size());
        ResultRun run = results.runs().getFirst();
        assertEquals("test-machine", run.machineId());
        assertEquals("run-1", run.runId());
        assertEquals(3, run.results().size());

        BenchmarkResult one = run.results().getFirst();
        assertEquals("SleepBenchmark.map", one.shortName());
        assertEquals("ss", one.mode());
        assertEquals("1", one.params().get("poolSize"));
        assertEquals(1204.25, one.primary().score());
        assertEquals(3.5, one.primary().error());
        assertEquals(1200.75, one.primary().lower());
        assertEquals(6, one.primary().samples());
        assertEquals(List.of("--sun-misc-unsafe-memory-access=allow"), one.jvmArgs());
        assertEquals(2, one.source().line(), "an entry remembers the line where it starts");
    }

    @Test
    void nanErrorsAndSecondaryMetricsLoad() {
        BenchmarkResult four = ResultsLoader.load(Fixtures.fixture("results"))
                .runs()
                .getFirst()
                .results()
                .get(1);

        assertTrue(Double.isNaN(four.primary().error()));
        assertTrue(Double.isNaN(four.primary().lower()));
        assertEquals(1.5, four.secondary().get("gc.alloc.rate").score());
        assertEquals("MB/sec", four.secondary().get("gc.alloc.rate").unit());
    }

    /** One entry per JMH mode in the modes fixture: its unit, direction, samples and error. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PrimesBenchmark.map | poolSize=1 | avgt   | ms/op | false | 6  | 4.0",
                "PrimesBenchmark.map | poolSize=8 | avgt   | ms/op | false | 1  | NaN",
                "SleepBenchmark.map  | poolSize=2 | ss     | ms/op | false | 6  | 2.5",
                "FetchBenchmark.map  | poolSize=4 | sample | ms/op | false | 6  | 0.8",
                "SquareBenchmark.map | poolSize=4 | thrpt  | ops/s | true  | 6  | 400.0",
            })
    void everyModeLoadsWithUnitDirectionAndSamples(
            String benchmark,
            String param,
            String mode,
            String unit,
            boolean higherIsBetter,
            int samples,
            double error) {
        String[] fixed = param.split("=");
        BenchmarkResult result =
                ResultsLoader.load(Fixtures.fixture("modes-results")).latest("lab-a").orElseThrow().results().stream()
                        .filter(r -> r.matches(benchmark)
                                && r.params().get(fixed[0]).equals(fixed[1])
                                && !"SEQUENTIAL".equals(r.params().get("pool"))
                                && !"VIRTUAL".equals(r.params().get("pool")))
                        .findFirst()
                        .orElseThrow();

        assertEquals(mode, result.mode());
        assertEquals(unit, result.primary().unit());
        assertEquals(higherIsBetter, result.higherIsBetter());
        assertEquals(samples, result.samples());
        assertEquals(error, result.primary().error(), 1e-9);
    }

    @Test
    void sampleModeHistogramsBecomeOneMeanPerIteration() {
        BenchmarkResult fetch =
                ResultsLoader.load(Fixtures.fixture("modes-results")).latest("lab-a").orElseThrow().results().stream()
                        .filter(r -> r.matches("FetchBenchmark.map")
                                && r.params().get("poolSize").equals("1"))
                        .findFirst()
                        .orElseThrow();

        assertEquals(
                List.of(402.0, 402.0, 402.0),
                fetch.primary().rawData().getFirst(),
                "buckets 401x2, 402x5, 403x2 average to 402");
    }

    @Test
    void secondaryMetricsOfGcProfilerLoad() {
        BenchmarkResult primes =
                ResultsLoader.load(Fixtures.fixture("modes-results")).latest("lab-a").orElseThrow().results().stream()
                        .filter(r -> r.matches("PrimesBenchmark.map")
                                && r.params().get("poolSize").equals("2"))
                        .findFirst()
                        .orElseThrow();

        assertEquals(2048.0, primes.secondary().get("gc.alloc.rate.norm").score());
        assertEquals("B/op", primes.secondary().get("gc.alloc.rate.norm").unit());
    }

    @Test
    void aForeignFileInTheMachineFolderLoadsWithItsParams() {
        ResultRun run =
                ResultsLoader.load(Fixtures.fixture("foreign-results")).runs().getFirst();

        assertEquals("other-laptop", run.machineId());
        assertEquals("2025-12-24", run.runId());
        assertTrue(run.machineFile().isEmpty());
        assertEquals(10, run.results().size());
        assertEquals("linked", run.results().get(3).params().get("impl"));
        assertTrue(run.results().stream().anyMatch(r -> r.params().isEmpty()), "benchmarks without params load too");
    }

    @Test
    void missingRootMeansNoResults() {
        assertTrue(ResultsLoader.load(Path.of("does-not-exist")).runs().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "truncated          | '[{\"benchmark\": \"a.B.c\",\n\"mode\": '         | :2:| malformed JSON",
                "not an object      | '[1]'                                             | :1:| not a JMH record: expected a JSON object, not 1",
                "entry lacks metric | '[\n{\"benchmark\": \"a.B.c\", \"mode\": \"ss\"}]' | :2:| missing \"primaryMetric\"",
            })
    void badFilesNameFileAndLine(String name, String json, String line, String message, @TempDir Path root)
            throws IOException {
        Path file = root.resolve("m/run/jmh.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);

        InputException error = assertThrows(InputException.class, () -> ResultsLoader.load(root));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith(file + line), text);
        assertTrue(text.contains(message), text);
        assertEquals(1, text.lines().count(), "one line per error");
    }

    @Test
    void eachRunCarriesItsSideFilesReadAsTheFormatsTypes() {
        ResultRun run =
                ResultsLoader.load(Fixtures.fixture("landing-results")).runs().getFirst();

        assertEquals("AMD EPYC", run.machine().orElseThrow().cpu().model());
        assertEquals("full", run.record().orElseThrow().profile());
        assertEquals(2, run.record().orElseThrow().load().logicalCores());
        assertEquals(Optional.of(run.jmhFile().resolveSibling("machine.json")), run.machineFile());
        assertEquals(Optional.of(run.jmhFile().resolveSibling("run.json")), run.recordFile());
    }

    @Test
    void aRunRecordWithoutItsIdIsNoneOfTheRunsAndIsSkipped(@TempDir Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("m/run"));
        Files.copy(Fixtures.fixture("results").resolve("test-machine/run-1/jmh.json"), folder.resolve("jmh.json"));
        Files.writeString(folder.resolve("run.json"), "{\"profile\": \"quick\"}");
        Diagnostics diagnostics = new Diagnostics(false);

        ResultRun run = ResultsLoader.load(root, diagnostics).runs().getFirst();

        assertEquals(Optional.empty(), run.record());
        assertEquals(
                List.of(folder.resolve("run.json")
                        + ":1: warning: skipped: not JMH results (a JSON object, where results"
                        + " are a JSON array of benchmark records)"),
                diagnostics.all().stream().map(Object::toString).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not a number     | run.json     | '{\"runId\": \"r\", \"profile\": \"quick\",\n \"wallSeconds\": {}}' | 2:17 | 'wallSeconds' must be a number, as the suite writes run.json",
                "nested           | run.json     | '{\"runId\": \"r\",\n \"load\": {\"busy\": [true]}}'             | 2:19 | 'load.busy' must be true or false, as the suite writes run.json",
                "a list of words  | machine.json | '{\"jdk\": {\"jvmFlags\": \"-Xmx1g\"}}'                          | 1:22 | 'jdk.jvmFlags' must be a list, as the suite writes machine.json",
                "an object        | machine.json | '{\"cpu\": 4}'                                                | 1:9  | 'cpu' must be an object, as the suite writes machine.json",
            })
    void aSideFileFieldOfTheWrongKindIsAnErrorAtItsPlace(
            String name, String file, String json, String where, String message, @TempDir Path root)
            throws IOException {
        Path folder = Files.createDirectories(root.resolve("m/run"));
        Files.copy(Fixtures.fixture("results").resolve("test-machine/run-1/jmh.json"), folder.resolve("jmh.json"));
        Files.writeString(folder.resolve(file), json);

        InputException error = assertThrows(InputException.class, () -> ResultsLoader.load(root));

        assertEquals(
                List.of(folder.resolve(file) + ":" + where + ": error: " + message),
                error.errors().stream().map(Object::toString).toList());
    }
}
