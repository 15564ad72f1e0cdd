package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.format.ResultsJson;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.results.ResultRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a machine page says of a run, from the {@code run.json} the loader read beside its JMH file. */
class RunContextTest {

    private static RunContext context(String runJson) throws IOException {
        return RunContext.of(
                ResultsJson.read(new ByteArrayInputStream(runJson.getBytes(StandardCharsets.UTF_8)), RunRecord.class));
    }

    @Test
    void aFullRecordGivesEveryField() throws IOException {
        RunContext context = context("""
                {"runId": "2026-12-01T0953Z-full", "profile": "full", "status": "complete", "failure": null,
                 "startedAt": "2026-12-01T09:53:27Z", "finishedAt": "2026-12-01T10:20:42Z", "wallSeconds": 1635.2,
                 "load": {"before": 0.38, "after": 1.571, "logicalCores": 2, "busyAbove": 1.0, "busy": false},
                 "largestRelativeError": {"benchmark": "ManyBenchmark.unbounded",
                                          "params": {"tasks": "10000", "sleepMillis": "50"}, "percent": 12.345},
                 "targetErrorPercent": 5.0,
                 "errorSummary": [{"workload": "SleepBenchmark", "results": 40, "medianPercent": 0.61,
                                   "worstPercent": 3.2, "withinTarget": 40}],
                 "warnings": ["waited 0:05 for another JMH run to finish before step 3"]}
                """);

        assertEquals("full", context.profile());
        assertEquals("complete", context.status());
        assertEquals("", context.failure());
        assertEquals("2026-12-01 09:53–10:20 UTC", context.measured());
        assertEquals("27 min 15 s", context.wallTime());
        assertEquals("0.38 before, 1.57 after (2 logical cores)", context.load());
        assertEquals("", context.busy());
        assertEquals("± 12 %, ManyBenchmark.unbounded (sleepMillis=50 tasks=10000)", context.largestError());
        assertEquals("5 %", context.target());
        assertEquals(
                List.of(new RunContext.ClassErrors("SleepBenchmark", "40", "0.61 %", "3.2 %", "40")), context.errors());
        assertEquals(List.of("waited 0:05 for another JMH run to finish before step 3"), context.warnings());
        assertEquals("./poolbench report --profile full", context.command());
    }

    @Test
    void aBusyMachineIsSaidToBe() throws IOException {
        RunContext context = context("""
                {"load": {"before": 1.5, "busyAbove": 1.0, "busy": true}}""");

        assertEquals("1.50 before", context.load());
        assertEquals("the load before the run was above 1.00, so other work shared the machine", context.busy());
    }

    @Test
    void anOlderRecordWithoutTheNewerFieldsLeavesThemEmpty() throws IOException {
        RunContext context = context("""
                {"profile": "quick", "wallSeconds": 214.226, "load": {"before": null, "after": 1.57}}""");

        assertEquals("quick", context.profile());
        assertEquals("3 min 34 s", context.wallTime());
        assertEquals("1.57 after", context.load());
        assertEquals("", context.target());
        assertEquals(List.of(), context.errors());
        assertEquals("", context.largestError());
        assertEquals("", context.measured());
        assertTrue(context.known());
    }

    @Test
    void aRunWithoutRunJsonHasNoContext() throws IOException {
        RunContext context =
                RunContext.of(new ResultRun("lab", "run-1", Path.of("jmh.json"), Optional.empty(), List.of()));

        assertEquals(RunContext.NONE, context);
        assertFalse(context.known());
    }

    @Test
    void aProfileThatIsNoWordGivesNoCommand() throws IOException {
        assertEquals("", context("{\"profile\": \"full; rm -rf /\"}").command());
    }

    @Test
    void durationsReadAsAPersonWouldSayThem() {
        assertEquals("25 s", RunContext.duration(24.6));
        assertEquals("2 min", RunContext.duration(120.0));
        assertEquals("1 h 2 min", RunContext.duration(3725.0));
        assertEquals("", RunContext.duration(null));
        assertEquals("", RunContext.duration(-1.0));
        assertEquals("", RunContext.duration(Double.NaN));
    }
}
