package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.format.Profile;
import io.github.poolbench.layout.ResultsLayout;
import io.github.poolbench.machine.Privacy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.RunnerException;

/** A tiny real JMH run (one benchmark, one fork, one short iteration) through the entry point the CLI calls. */
class SuiteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void shareTheMachine() {
        // Other worktrees may benchmark on this machine; this run measures nothing that matters.
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static Suite.Request request(Path results, ByteArrayOutputStream log) {
        return new Suite.Request(
                Profile.SMOKE,
                results,
                Optional.of("test-machine"),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void tinyRunWritesJmhMachineAndRunJson(@TempDir Path results) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        Suite.Run run = Suite.run(request(results, log), List.of(TINY));

        assertEquals("test-machine", run.machineId());
        assertTrue(run.runId().matches("\\d{4}-\\d\\d-\\d\\dT\\d{4}Z-smoke"), run.runId());
        assertEquals(results.resolve("test-machine").resolve(run.runId()), run.directory());
        JsonNode jmh = JSON.readTree(run.jmhJson().toFile());
        assertEquals(1, jmh.size());
        assertEquals(
                "io.github.poolbench.bench.SquareBenchmark.sequential",
                jmh.get(0).path("benchmark").asText());
        assertEquals("10", jmh.get(0).path("params").path("tasks").asText());
        assertEquals("avgt", jmh.get(0).path("mode").asText());
        assertTrue(jmh.get(0).path("primaryMetric").path("score").asDouble() > 0);
        assertEquals(
                JSON.valueToTree(JvmFlags.FORKS),
                jmh.get(0).path("jvmArgs"),
                "the fork got the project's flags, nothing else");

        JsonNode machine = JSON.readTree(
                run.directory().resolve(ResultsLayout.MACHINE_FILE).toFile());
        assertEquals("test-machine", machine.path("machineId").asText());
        JsonNode record =
                JSON.readTree(run.directory().resolve(ResultsLayout.RUN_FILE).toFile());
        assertEquals("smoke", record.path("profile").asText());
        assertEquals("complete", record.path("status").asText());
        assertEquals(1, record.path("plannedBenchmarks").asInt());
        assertEquals(1, record.path("measuredBenchmarks").asInt());
        assertTrue(record.path("load").has("before"));
        assertTrue(record.path("load").has("after"));
        assertEquals(JSON.valueToTree(JvmFlags.FORKS), record.path("forkJvmArgs"));

        assertEquals(10.0, record.path("targetErrorPercent").asDouble());
        // One sample gives no error estimate, so there is nothing to summarise (JmhJsonTest sums).
        assertTrue(record.path("errorSummary").isArray());
        assertEquals(0, record.path("errorSummary").size());

        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(System.lineSeparator() + "[1/1] SquareBenchmark.sequential tasks=10: "), out);
        assertFalse(out.contains("# JMH version"), "JMH's own output stays in the log: " + out);
        assertFalse(out.contains("\r"), "no redrawn line when not a terminal");
        String jmhLog = Files.readString(run.directory().resolve(ResultsLayout.LOG_FILE));
        assertTrue(jmhLog.contains("# JMH version"), jmhLog);
        assertTrue(jmhLog.contains("[1/1] SquareBenchmark.sequential tasks=10: "), jmhLog);
        assertNoHostOrUser(run.directory());
    }

    @Test
    void verboseShowsJmhsOwnOutputToo(@TempDir Path results) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Suite.Request verbose = new Suite.Request(
                Profile.SMOKE,
                results,
                Optional.of("test-machine"),
                new PrintStream(log, true, StandardCharsets.UTF_8),
                false,
                true);

        Suite.run(verbose, List.of(TINY));

        String out = log.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("# JMH version"), out);
        assertTrue(out.contains("[1/1] SquareBenchmark.sequential tasks=10: "), out);
    }

    /** A THREAD pool of 0 workers cannot open: the trial set-up throws in the fork. */
    private static final RunPlan.Step BROKEN = new RunPlan.Step(
            PrimesBenchmark.class,
            List.of("map"),
            Map.of("pool", List.of("THREAD"), "poolSize", List.of("0"), "tasks", List.of("1")),
            RunPlan.Sizing.timed(1, 0, Duration.ofMillis(100), 1, Duration.ofMillis(100)));

    private static final RunPlan.Step TINY = new RunPlan.Step(
            SquareBenchmark.class,
            List.of("sequential"),
            Map.of("tasks", List.of("10")),
            RunPlan.Sizing.timed(1, 0, Duration.ofMillis(100), 1, Duration.ofMillis(200)));

    @Test
    void aRunThatMeasuredNothingLeavesNoFolder(@TempDir Path results) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        assertThrows(RunnerException.class, () -> Suite.run(request(results, log), List.of(BROKEN)));

        try (Stream<Path> runs = Files.list(results.resolve("test-machine"))) {
            assertEquals(0, runs.count(), "a run that measured nothing is removed");
        }
    }

    @Test
    void aRunThatFailsMidwayKeepsItsResultsWhereTheSiteWillNotPublishThem(@TempDir Path results) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        assertThrows(RunnerException.class, () -> Suite.run(request(results, log), List.of(TINY, BROKEN)));

        Path run;
        try (Stream<Path> runs = Files.list(results.resolve("test-machine"))) {
            run = runs.findFirst().orElseThrow();
        }
        assertFalse(Files.exists(run.resolve(ResultsLayout.JMH_FILE)));
        assertEquals(
                1,
                JSON.readTree(run.resolve(ResultsLayout.PARTIAL_JMH_FILE).toFile())
                        .size());
        JsonNode record = JSON.readTree(run.resolve(ResultsLayout.RUN_FILE).toFile());
        assertEquals("failed", record.path("status").asText());
        assertEquals(2, record.path("plannedBenchmarks").asInt());
        assertEquals(1, record.path("measuredBenchmarks").asInt());
    }

    private static void assertNoHostOrUser(Path directory) throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        String user = System.getProperty("user.name");
        for (String file : List.of(ResultsLayout.MACHINE_FILE, ResultsLayout.RUN_FILE)) {
            String text = Files.readString(directory.resolve(file));
            assertFalse(Privacy.token(host).matcher(text).find(), "hostname in " + file + ": " + text);
            assertFalse(Privacy.token(user).matcher(text).find(), "user name in " + file + ": " + text);
        }
    }
}
