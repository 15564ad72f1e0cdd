package io.github.poolbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunRecordTest {

    static RunRecord read(String json) throws IOException {
        return ResultsJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), RunRecord.class);
    }

    static RunRecord resource(String name) throws IOException {
        try (InputStream in = RunRecordTest.class.getResourceAsStream(name)) {
            return ResultsJson.read(in, RunRecord.class);
        }
    }

    @Test
    void readsBackWhatTheSuiteWrites() throws IOException {
        RunRecord written = new RunRecord(
                "2026-12-01T1719Z-full",
                "full",
                "lab",
                "complete",
                null,
                "2026-12-01T17:19:32Z",
                "2026-12-01T18:01:15Z",
                2503.461,
                142,
                142,
                new RunRecord.Load(0.39, 2.94, 2, 0.5, false),
                new RunRecord.RelativeError("SleepBenchmark.map", Map.of("poolSize", "4"), 2.2),
                5.0,
                List.of(new RunRecord.WorkloadErrors("SleepBenchmark", 37, 0.3, 2.2, 37)),
                List.of(),
                List.of("-Xmx1g"),
                List.of(new RunRecord.StepRecord(
                        "SleepBenchmark", List.of("map"), Map.of("poolSize", List.of("1")), 2, 1, null, 5, null)),
                List.of("a warning"),
                null);
        // The suite writes with a plain mapper (PrivateJson): the type alone decides the fields.
        String json = new ObjectMapper().writeValueAsString(written);

        assertEquals(written, read(json));
        assertFalse(json.contains("reference"), "the suite never marks a run as the reference: " + json);
    }

    @Test
    void theCommittedReferenceRunIsMarked() throws IOException {
        RunRecord record = resource("reference-run.json");

        assertTrue(record.markedReference());
        assertEquals("full", record.profile());
        assertEquals(new RunRecord.Load(0.39, 2.94, 2, 0.5, false), record.load());
        assertEquals(142, record.measuredBenchmarks());
        assertEquals(5.0, record.targetErrorPercent());
    }

    @Test
    void aRecordOfTheFirstSuiteLacksTheNewerFields() throws IOException {
        RunRecord record = resource("first-suite-run.json");

        assertEquals("quick", record.profile());
        assertNull(record.targetErrorPercent());
        assertNull(record.errorSummary());
        assertFalse(record.markedReference());
        assertFalse(record.failed());
        assertEquals(8.4, record.largestRelativeError().percent());
    }

    @Test
    void fieldsItDoesNotKnowAreIgnored() throws IOException {
        RunRecord record = read("""
                {"profile": "quick", "gpu": {"model": "none"}, "load": {"before": 1.5, "stolen": 3}}""");

        assertEquals("quick", record.profile());
        assertEquals(new RunRecord.Load(1.5, null, null, null, null), record.load());
        assertFalse(record.load().wasBusy());
    }

    @Test
    void aFieldOfTheWrongKindIsAnErrorAtItsPlace() {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> read("""
                {"profile": "quick",
                 "load": {"before": [1]}}"""));

        assertEquals("before", e.getPath().getLast().getFieldName());
        assertEquals(2, e.getLocation().getLineNr());
        assertEquals(21, e.getLocation().getColumnNr(), "the column of the [ that opens the wrong value");
    }
}
