package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        BenchmarkResult four = ResultsLoader.load(Fixtures.fixture("results")).runs().getFirst().results().get(1);

        assertTrue(Double.isNaN(four.primary().error()));
        assertTrue(Double.isNaN(four.primary().lower()));
        assertEquals(1.5, four.secondary().get("gc.alloc.rate").score());
        assertEquals("MB/sec", four.secondary().get("gc.alloc.rate").unit());
    }

    @Test
    void missingRootMeansNoResults() {
        assertTrue(ResultsLoader.load(Path.of("does-not-exist")).runs().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated          | '[{\"benchmark\": \"a.B.c\",\n\"mode\": '         | :2:| malformed JSON",
        "not an array       | '{\"benchmark\": \"a.B.c\"}'                      | :1:| not JMH results",
        "entry lacks metric | '[\n{\"benchmark\": \"a.B.c\", \"mode\": \"ss\"}]' | :2:| missing \"primaryMetric\"",
    })
    void badFilesNameFileAndLine(String name, String json, String line, String message, @TempDir Path root) throws IOException {
        Path file = root.resolve("m/run/jmh.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);

        InputException error = assertThrows(InputException.class, () -> ResultsLoader.load(root));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith(file + line), text);
        assertTrue(text.contains(message), text);
        assertEquals(1, text.lines().count(), "one line per error");
    }
}
