package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.format.ResultsJson;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.ResultRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RunGradeTest {

    private ResultRun run(int forks, int perFork, String runJson) throws IOException {
        Path jmh = Path.of("lab", "2026-11-26T0054Z-quick", "jmh.json");
        Optional<RunRecord> record = runJson == null
                ? Optional.empty()
                : Optional.of(ResultsJson.read(
                        new ByteArrayInputStream(runJson.getBytes(StandardCharsets.UTF_8)), RunRecord.class));
        List<List<Double>> raw = Collections.nCopies(forks, Collections.nCopies(perFork, 100.0));
        Metric metric = new Metric(100, 1, 99, 101, "ms/op", raw);
        BenchmarkResult result = new BenchmarkResult(
                "a.B.c",
                "ss",
                1,
                forks,
                1,
                perFork,
                "1.37",
                "25",
                "vm",
                List.of(),
                new TreeMap<>(),
                metric,
                Map.of(),
                Location.of(jmh));
        return new ResultRun(
                "lab",
                "2026-11-26T0054Z-quick",
                jmh,
                Optional.empty(),
                List.of(result),
                Optional.empty(),
                record,
                record.map(r -> jmh.resolveSibling("run.json")));
    }

    @Test
    void aQuickRunOnABusyMachineIsAFirstLook() throws IOException {
        RunGrade grade = RunGrade.of(run(1, 3, """
                {"profile": "quick", "load": {"before": 0.38, "after": 1.57, "logicalCores": 2, "busy": true}}"""));

        assertEquals(
                List.of(
                        "a quick run (1 fork × 3 samples per point)",
                        "made while the machine was busy: 1-minute load 0.38 before, 1.57 after (2 logical cores)"),
                grade.reasons());
    }

    @Test
    void aFullRunOnAQuietMachineIsPublicationGrade() throws IOException {
        assertTrue(RunGrade.of(run(2, 10, """
                {"profile": "full", "load": {"before": 0.2, "busy": false}}""")).publicationGrade());
    }

    @Test
    void aFullRunOnABusyMachineIsNot() throws IOException {
        assertEquals(
                List.of("made while the machine was busy: 1-minute load 1.80 before"),
                RunGrade.of(run(2, 10, """
                {"profile": "full", "load": {"before": 1.8, "busy": true}}""")).reasons());
    }

    @Test
    void withoutARunRecordTheDataDecides() throws IOException {
        assertEquals(
                List.of("a run of 1 fork × 5 samples per point"),
                RunGrade.of(run(1, 5, null)).reasons());
        assertTrue(RunGrade.of(run(2, 5, null)).publicationGrade(), "2 forks × 5 samples is 10 samples a point");
    }

    @Test
    void theBannerNamesTheRun() throws IOException {
        assertEquals(
                List.of("lab/2026-11-26T0054Z-quick, a smoke run (1 fork × 1 sample per point)"),
                RunGrade.weak(List.of(run(1, 1, "{\"profile\": \"smoke\"}"))));
    }
}
