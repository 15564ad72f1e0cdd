package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.poolbench.format.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhJsonTest {

    private static String entry(String method, String poolSize, String score, String error) {
        return """
        {"benchmark": "io.github.poolbench.bench.SleepBenchmark.%s", "params": {"poolSize": "%s"},
         "primaryMetric": {"score": %s, "scoreError": %s}}
        """.formatted(method, poolSize, score, error);
    }

    @Test
    void mergesPartsInOrderSkippingMissingAndEmptyOnes(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "[" + entry("map", "1", "100", "1") + "]");
        Path b = Files.writeString(
                dir.resolve("b.json"),
                "[" + entry("map", "2", "50", "5") + "," + entry("sequential", "0", "1200", "\"NaN\"") + "]");
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        ArrayNode merged = JmhJson.merge(List.of(a, dir.resolve("missing.json"), empty, b));
        assertEquals(3, merged.size());
        assertEquals("2", merged.get(1).path("params").path("poolSize").asText());
    }

    @Test
    void relativeErrorsSkipNaNAndFindTheLargest(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("j.json"),
                "[" + entry("map", "1", "100", "1") + "," + entry("map", "2", "50", "5") + ","
                        + entry("sequential", "0", "1200", "\"NaN\"") + "]");
        var errors = JmhJson.relativeErrors(JmhJson.read(file));
        assertEquals(2, errors.size());
        var largest = JmhJson.largest(errors).orElseThrow();
        assertEquals("SleepBenchmark.map", largest.benchmark());
        assertEquals(Map.of("poolSize", "2"), largest.params());
        assertEquals(10.0, largest.percent());
    }

    @Test
    void summaryGivesEachClassItsMedianWorstAndCountWithinTarget() {
        List<RunRecord.RelativeError> errors = List.of(
                error("SleepBenchmark.map", 2.0),
                error("SleepBenchmark.map", 12.0),
                error("SleepBenchmark.sequential", 4.0),
                error("FetchBenchmark.map", 1.0),
                error("FetchBenchmark.map", 3.0));
        assertEquals(
                List.of(
                        new RunRecord.WorkloadErrors("SleepBenchmark", 3, 4.0, 12.0, 2),
                        new RunRecord.WorkloadErrors("FetchBenchmark", 2, 2.0, 3.0, 2)),
                JmhJson.summarise(errors, 10.0));
    }

    private static RunRecord.RelativeError error(String benchmark, double percent) {
        return new RunRecord.RelativeError(benchmark, Map.of(), percent);
    }
}
