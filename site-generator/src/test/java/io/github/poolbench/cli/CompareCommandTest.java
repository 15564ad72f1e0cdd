package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code poolbench compare} as a user runs it, on real runs: {@code SquareBenchmark.sequential}
 * measured twice at once on the loaded 2-core VM, once interpreted ({@code -Xint}, scores in µs) and
 * once with C1 ({@code -XX:TieredStopAtLevel=1}, scores in ms, plus a second {@code tasks} value), in
 * {@code avgt} and {@code thrpt}: NEW is faster in both modes, and swapped, slower; and Netflix Hollow's JMH file against itself. Whole outputs are
 * golden files: run with {@code -Dgolden.update=true} to rewrite them after an intended change, then
 * review the diff.
 */
class CompareCommandTest {

    private static final String FIXTURES = "src/test/resources/fixtures/compare";
    private static final String OLD = FIXTURES + "/square-xint";
    private static final String NEW = FIXTURES + "/square-c1";
    private static final String HOLLOW = FIXTURES + "/netflix-hollow/jmh-result.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} against {1} as {2}")
    @CsvSource({
        "square-xint, square-c1, text",
        "square-xint, square-c1, markdown",
        "square-xint, square-c1, json",
        "square-c1, square-xint, text",
        "square-c1, square-xint, markdown",
        "square-c1, square-xint, json"
    })
    void realRunsMatchTheirGoldenOutput(String old, String current, String format) throws IOException {
        CliRunner run = CliRunner.run("compare", "--format", format, FIXTURES + "/" + old, FIXTURES + "/" + current);

        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        Path golden = Path.of("src/test/resources/golden")
                .resolve("compare-" + old + "-" + current + "." + (format.equals("markdown") ? "md" : format));
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), run.out());
    }

    /** The ratio printed is NEW's mean over OLD's, from the raw samples, in one unit: checked here from the files themselves. */
    @Test
    void theRatioIsTheRawMeansOfNewOverOldInOneUnit() throws IOException {
        JsonNode report = JSON.readTree(
                CliRunner.run("compare", "--format", "json", OLD, NEW).out());
        JsonNode c1 = JSON.readTree(Path.of(OLD, "jmh.json").toFile());
        JsonNode c2 = JSON.readTree(Path.of(NEW, "jmh.json").toFile());

        for (String mode : List.of("avgt", "thrpt")) {
            double old = rawMean(record(c1, mode, "1000"));
            double current = rawMean(record(c2, mode, "1000"));
            // the interpreted run is in µs, the C1 run in ms: a time per op is 1000× larger in µs, a rate 1000× smaller
            double inOldUnit = mode.equals("avgt") ? current * 1000 : current / 1000;
            JsonNode row = rows(report).stream()
                    .filter(r -> r.get("mode").asText().equals(mode)
                            && r.get("metric").isNull())
                    .findFirst()
                    .orElseThrow();
            assertEquals(inOldUnit / old, row.get("ratio").get("value").asDouble(), 1e-9 * (inOldUnit / old));
            assertTrue(row.get("ratio").get("lower").asDouble()
                    < row.get("ratio").get("value").asDouble());
            assertTrue(row.get("ratio").get("upper").asDouble()
                    > row.get("ratio").get("value").asDouble());
        }
    }

    @Test
    void anotherProjectsFileAgainstItselfIsTheSameAtEveryPoint() throws IOException {
        CliRunner run = CliRunner.run("compare", "--format", "json", HOLLOW, HOLLOW);

        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        List<JsonNode> rows = rows(report);
        assertEquals(60, rows.size()); // 4 modes × 5 string lengths, and 8 percentiles (raw data per iteration) at each
        // sample-mode point
        rows.forEach(row -> assertEquals("~", row.get("verdict").asText(), row.toString()));
        assertEquals(20, rows.stream().filter(row -> row.get("metric").isNull()).count());
        assertEquals(0, report.get("secondaryMetricsLeftOut").asInt());
        assertEquals(0, report.get("onlyOld").size());
        assertEquals(0, report.get("onlyNew").size());
        assertTrue(CliRunner.run("compare", HOLLOW, HOLLOW).out().contains("\nNEW against OLD: 60 ~ (60 rows).\n"));
    }

    @Test
    void failOnRegressionExitsThreeWhenARowGotSlower() {
        CliRunner slower = CliRunner.run("compare", "--fail-on", "regression", NEW, OLD);
        CliRunner faster = CliRunner.run("compare", "--fail-on", "regression", OLD, NEW);
        CliRunner notAsked = CliRunner.run("compare", NEW, OLD);

        assertEquals(3, slower.exitCode(), slower.err());
        assertEquals("", slower.err());
        assertTrue(slower.out().contains(" slower\n"), slower.out());
        assertEquals(0, faster.exitCode(), faster.err());
        assertEquals(0, notAsked.exitCode(), notAsked.err());
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        CliRunner run = CliRunner.run("compare", OLD, "no-such.json");

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals("no-such.json: error: cannot read: no such file or folder\n", run.err());
    }

    @Test
    void malformedJsonIsOneLineAtItsLineAndColumn() throws IOException {
        Path bad = Files.writeString(temp.resolve("bad.json"), "[\n  {\"benchmark\": \"a.B.c\",\n  \"mode\": }\n]\n");

        CliRunner run = CliRunner.run("compare", bad.toString(), OLD);

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(
                bad + ":3:11: error: malformed JSON: Unexpected character ('}' (code 125)): expected a value\n",
                run.err());
    }

    @Test
    void aFolderWithoutResultsSaysWhatItNeeds() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("empty-run"));

        CliRunner run = CliRunner.run("compare", folder.toString(), OLD);

        assertEquals(1, run.exitCode());
        assertEquals(
                folder
                        + ": error: no jmh.json in this folder: give a JMH JSON file (-rf json) or a run folder that holds one\n",
                run.err());
    }

    /** Bytes per op against megabytes per second is not a change of scale: refused, naming both places. */
    @Test
    void unitsThatDoNotConvertAreRefused() throws IOException {
        Path old = Path.of(OLD, "jmh.json");
        String json = Files.readString(old);
        Path changed = Files.writeString(
                temp.resolve("changed.json"),
                json.replaceFirst("\"scoreUnit\" : \"B/op\"", "\"scoreUnit\" : \"MB/sec\""));
        int line = lineOf(changed, 0); // the first record: its gc.alloc.rate.norm is the first B/op

        CliRunner run = CliRunner.run("compare", old.toString(), changed.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(
                changed + ":" + line + ":5: error: cannot compare SquareBenchmark.sequential thrpt tasks=1000"
                        + " gc.alloc.rate.norm: MB/sec here, B/op in " + old + ":" + line
                        + "; only time units convert (ms/op against us/op, ops/s against ops/ms)\n",
                run.err());
    }

    /** Records that differ only in forks or JVM arguments are one point to compare: which would be NEW's? */
    @Test
    void onePointTwiceInAFileIsRefused() throws IOException {
        Path twice = Files.writeString(
                temp.resolve("twice.json"),
                "[\n" + record("a.B.c", "avgt", "\"forks\": 1", "\"scoreError\": 0.1") + ",\n"
                        + record("a.B.c", "avgt", "\"forks\": 2", "\"scoreError\": 0.1") + "\n]\n");

        CliRunner run = CliRunner.run("compare", twice.toString(), twice.toString());

        assertEquals(1, run.exitCode());
        assertEquals("", run.out());
        assertEquals(
                twice + ":3:1: error: two results for one point: B.c avgt, first at " + twice
                        + ":2; compare needs one result per benchmark, mode, params and threads in each file\n",
                run.err());
    }

    /** Without raw data and without an error estimate there is no interval: the row says so, and no word. */
    @Test
    void aScoreWithoutAnyErrorEstimateGetsNoVerdict() throws IOException {
        Path old = Files.writeString(
                temp.resolve("old.json"),
                "[\n" + record("a.B.c", "thrpt", "\"forks\": 1", "\"scoreError\": \"NaN\"") + "\n]\n");
        Path current = Files.writeString(
                temp.resolve("new.json"),
                "[\n"
                        + record("a.B.c", "thrpt", "\"forks\": 1", "\"scoreError\": \"NaN\"")
                                .replace("\"score\": 2.0", "\"score\": 3.0")
                        + "\n]\n");

        CliRunner run = CliRunner.run("compare", "--fail-on", "regression", old.toString(), current.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.out()
                        .contains(
                                "\nB.c        thrpt  2.000 (no interval) ops/ms  3.000 (no interval) ops/ms  1.50 (no interval)  ?\n"),
                run.out());
        assertTrue(run.out().contains("\nNEW against OLD: 1 ? (1 row).\n"), run.out());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRunner run = CliRunner.run("compare", "--format", "html", OLD, NEW);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Invalid value for option '--format': expected one of "), run.err());
    }

    /** One JMH record in a line of its own: {@code score} 2.0 in ops/ms with the given extra fields. */
    private static String record(String benchmark, String mode, String forks, String error) {
        return "{\"benchmark\": \"" + benchmark + "\", \"mode\": \"" + mode + "\", " + forks
                + ", \"primaryMetric\": {\"score\": 2.0, " + error + ", \"scoreUnit\": \"ops/ms\"}}";
    }

    private static List<JsonNode> rows(JsonNode report) {
        return StreamSupport.stream(report.get("rows").spliterator(), false).toList();
    }

    private static JsonNode record(JsonNode file, String mode, String tasks) {
        for (JsonNode record : file) {
            if (record.get("mode").asText().equals(mode)
                    && record.get("params").get("tasks").asText().equals(tasks)) {
                return record;
            }
        }
        throw new AssertionError("no " + mode + " record at tasks=" + tasks);
    }

    private static double rawMean(JsonNode record) {
        List<Double> values = new ArrayList<>();
        record.get("primaryMetric").get("rawData").forEach(fork -> fork.forEach(v -> values.add(v.asDouble())));
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** The line a record starts on in a JMH file as JMH writes it: each record opens with a line "    {". */
    private static int lineOf(Path file, int record) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("    {") && ++seen == record) {
                return i + 1;
            }
        }
        throw new AssertionError("no record " + record + " in " + file);
    }
}
