package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityTest {

    static BenchmarkResult result(int forks, double error, int samples) {
        Metric metric =
                new Metric(100, error, 100 - error, 100 + error, "ms/op", List.of(Collections.nCopies(samples, 100.0)));
        return new BenchmarkResult(
                "a.B.c",
                "avgt",
                1,
                forks,
                1,
                samples,
                "1.37",
                "25",
                "vm",
                List.of(),
                new TreeMap<>(),
                metric,
                Map.of(),
                Location.of(Path.of("jmh.json")));
    }

    @ParameterizedTest(name = "forks={0} error={1} samples={2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2 | 1.0 | 10 | ''",
                "1 | 1.0 | 10 | one fork: differences between JVM runs are not measured",
                "2 | NaN | 10 | no error: JMH could not compute a confidence interval (NaN)",
                "2 | 1.0 | 3  | only 3 samples",
                "1 | NaN | 1  | one fork: differences between JVM runs are not measured; no error: JMH could not compute a confidence interval (NaN); only 1 sample",
                "0 | 1.0 | 0  | fork count unknown: differences between JVM runs are not measured; sample count unknown",
            })
    void flagsWeakMeasurements(int forks, double error, int samples, String expected) {
        assertEquals(expected, String.join("; ", Quality.warnings(result(forks, error, samples))));
    }

    @ParameterizedTest(name = "forks={0} samples={1}")
    @CsvSource({"2, 10, false", "1, 10, true", "2, 9, true", "0, 12, true", "3, 30, false"})
    void aWeakResultHasOneForkOrFewSamples(int forks, int samples, boolean weak) {
        assertEquals(weak, Quality.weak(result(forks, 1.0, samples)));
    }

    @org.junit.jupiter.api.Test
    void soundPointsNeedNoNote() {
        assertEquals(java.util.Optional.empty(), Quality.summary(List.of(result(2, 1.0, 10), result(2, 1.0, 20))));
    }

    @org.junit.jupiter.api.Test
    void oneNoteSumsUpEveryWeakPoint() {
        List<BenchmarkResult> quick = java.util.Collections.nCopies(37, result(1, 1.0, 3));

        assertEquals(
                "1 fork × 3 samples per point: wide intervals (fewer than 10 samples), and differences between JVM runs"
                        + " are not measured",
                Quality.summary(quick).orElseThrow());
    }

    @org.junit.jupiter.api.Test
    void pointsThatDifferAreGivenAsRanges() {
        assertEquals(
                "1–2 forks × 1–6 samples per point: wide intervals (fewer than 10 samples), and differences between JVM"
                        + " runs are not measured; 1 point has no error estimate",
                Quality.summary(List.of(result(1, Double.NaN, 1), result(2, 1.0, 12)))
                        .orElseThrow());
    }
}
