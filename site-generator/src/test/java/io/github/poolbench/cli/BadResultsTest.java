package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Black-box runs with results the site must not publish: exit 1 at file:line, the previous site unchanged. */
class BadResultsTest extends BadInputTest {

    private static final String RECORD = """
            {
              "benchmark": "a.B.c",
              "mode": "ss",
              "primaryMetric": {
                "score": 12.5,
                "scoreError": 0.5,
                "scoreUnit": "ms/op"
              }
            }""";

    /** A results file of one record, with {@code from} replaced by {@code to} ({@code \\n} for a new line). */
    private Path results(String from, String to) throws IOException {
        String json = ("[\n" + RECORD + "\n]\n").replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        return Files.writeString(
                Files.createDirectories(results.resolve("other/run-9")).resolve("jmh.json"), json);
    }

    @Test
    void anEmptyArrayIsNoResults() throws IOException {
        Path file = Files.writeString(
                Files.createDirectories(results.resolve("other/run-9")).resolve("jmh.json"), "[ ]\n");
        String before = fingerprint(site);

        assertOneError(
                build(),
                file + ":1:1",
                "no benchmark records: an empty JMH results file (a run that measured nothing?)");
        assertEquals(before, fingerprint(site));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "score as a string     | \"score\": 12.5         | \"score\": \"12.5\"            | 6:14 | \"score\" must be a number, not the string \"12.5\"",
                "score is NaN          | \"score\": 12.5         | \"score\": \"NaN\"             | 6:14 | \"score\" must be a number, not the string \"NaN\"",
                "score missing         | \"score\": 12.5,        | ''                             | 5:20 | \"primaryMetric\" has no \"score\"",
                "no primaryMetric      | \"primaryMetric\"       | \"secondaryMetric\"            | 2:1  | not a JMH record: missing \"primaryMetric\"",
                "metric is a number    | \"primaryMetric\": {    | \"primaryMetric\": 3, \"x\": {  | 5:20 | \"primaryMetric\" must be an object with a score, not 3",
                "benchmark a number    | \"benchmark\": \"a.B.c\" | \"benchmark\": 7               | 3:16 | \"benchmark\" must be a string, not 7",
                "mode unknown          | \"mode\": \"ss\"         | \"mode\": \"fast\"             | 4:11 | \"mode\" must be thrpt, avgt, sample or ss, not \"fast\"",
                "error as a word       | \"scoreError\": 0.5     | \"scoreError\": \"small\"      | 7:19 | \"scoreError\" must be a number, not the string \"small\"",
                "unit missing          | ,\\n    \"scoreUnit\": \"ms/op\" | ''                      | 5:20 | \"primaryMetric\" has no \"scoreUnit\"",
                "params a list         | \"mode\": \"ss\",        | \"mode\": \"ss\", \"params\": [1], | 4:27 | \"params\" must be an object of param values, not an array",
                "record not an object  | [\\n{                   | [\\n1, {                       | 2:1  | not a JMH record: expected a JSON object, not 1",
            })
    void badResultsStopTheBuildAtFileAndLine(String name, String from, String to, String where, String message)
            throws IOException {
        Path file = results(from, to);
        String before = fingerprint(site);

        CliRunner result = build();

        assertOneError(result, file + ":" + where, message);
        assertEquals(before, fingerprint(site));
    }

    @Test
    void jmhResultsCalledRunJsonAreResults() throws IOException {
        Path file = Files.createDirectories(results.resolve("other/run-9")).resolve("run.json");
        Files.copy(results.resolve("test-machine/run-1/jmh.json"), file);

        CliRunner result = build("--strict", "--quote-machine", "other");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.exists(site.resolve("data/other/run-9/run.json")), "published as results");
        assertTrue(Files.exists(site.resolve("machines/other.html")));
    }

    @Test
    void theSuitesRunRecordIsNoResultsAndNoWarning() throws IOException {
        Files.writeString(
                results.resolve("test-machine/run-1/run.json"), "{\"runId\": \"run-1\", \"profile\": \"quick\"}");

        CliRunner result = build("--strict");

        assertEquals(0, result.exitCode(), result.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an object            | test-machine/run-1/notes.json | '{\"a\": 1}' | :1 | skipped: not JMH results (a JSON object, where results are a JSON array of benchmark records)",
                "a number             | test-machine/run-1/count.json | 42          | :1 | skipped: not JMH results (a JSON value, where results are a JSON array of benchmark records)",
                "another run record   | test-machine/run-1/run.json   | '{\"a\": 1}' | :1 | skipped: not JMH results (a JSON object, where results are a JSON array of benchmark records)",
                "directly in the root | loose.json                    | '[]'        | ''  | skipped: a JSON file directly in the results folder; put results in {results}/<machine-id>/<run-id>/",
            })
    void everySkippedJsonFileIsNamed(String name, String path, String json, String line, String message)
            throws IOException {
        Path file = Files.writeString(results.resolve(path), json);
        message = message.replace("{results}", results.toString());

        assertWarning(build(), file + line, message);
        String before = fingerprint(site);

        CliRunner strict = build("--strict");

        assertOneError(strict, file + line, message);
        assertEquals(before, fingerprint(site));
    }

    /** {@link #RECORD} with {@code tail} added inside it (after its mode), for a second record of the same file. */
    private static String record(String tail) {
        return RECORD.replace("\"mode\": \"ss\",", "\"mode\": \"ss\"," + tail);
    }

    @Test
    void twoRecordsOfOnePointAreAnErrorNamingBoth() throws IOException {
        String second = record(" \"threads\": 1,").replace("12.5", "0.01");
        Path file = Files.writeString(
                Files.createDirectories(results.resolve("other/run-9")).resolve("jmh.json"),
                "[\n" + RECORD + ",\n" + second + "\n]\n");
        String before = fingerprint(site);

        CliRunner result = build();

        assertOneError(
                result,
                file + ":11:1",
                "duplicate result: a.B.c (ss, threads 1, forks 0, JVM arguments []), first at " + file + ":2");
        assertEquals(before, fingerprint(site));
    }

    /** Other projects vary threads, forks or JVM arguments on purpose: such records are different points. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "threads      | ' \"threads\": 4,'",
                "forks        | ' \"forks\": 2,'",
                "JVM argument | ' \"jvmArgs\": [\"-Xint\"],'",
                "a param      | ' \"params\": {\"n\": \"2\"},'",
            })
    void recordsThatDifferInWhatARunVariesAreDifferentPoints(String name, String tail) throws IOException {
        Files.writeString(
                Files.createDirectories(results.resolve("other/run-9")).resolve("jmh.json"),
                "[\n" + RECORD + ",\n" + record(tail) + "\n]\n");

        // Not --strict: the lesson's chart is not measured by this run, a warning that --strict would raise.
        CliRunner result = build("--quote-machine", "other");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.err().contains("duplicate result"), result.err());
    }

    @Test
    void twoRunsOfOnePointAreFine() throws IOException {
        for (String run : List.of("run-8", "run-9")) {
            Files.writeString(
                    Files.createDirectories(results.resolve("other").resolve(run))
                            .resolve("jmh.json"),
                    "[\n" + RECORD + "\n]\n");
        }

        CliRunner result = build("--quote-machine", "other");

        assertEquals(0, result.exitCode(), result.err());
        assertFalse(result.err().contains("duplicate result"), result.err());
    }

    /** A file that does not parse cannot be known not to be results: it stops the build, whatever it starts with. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a truncated object    | test-machine/run-1/notes.json | '{\"not\": \"jmh\"'  | 1:14 | Unexpected end-of-input: expected close marker for Object",
                "a truncated array     | test-machine/run-1/more.json  | '[{\"a\": 1}'        | 1:10 | Unexpected end-of-input: expected close marker for Array",
                "not JSON at all       | test-machine/run-1/notes.json | 'hello'              | 1:1  | Unrecognized token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "an object, then junk  | test-machine/run-1/notes.json | '{\"a\": 1} x'        | 1:10 | Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "two values            | test-machine/run-1/notes.json | '{} []'               | 1:4  | a second value after the first one ends",
                "truncated in the root | loose.json                    | '{\"not\": \"jmh\"'  | 1:14 | Unexpected end-of-input: expected close marker for Object",
                "truncated machine.json | test-machine/run-1/machine.json | '{\"cores\": 2'     | 1:12 | Unexpected end-of-input: expected close marker for Object",
            })
    void jsonThatDoesNotParseIsAnErrorAtLineAndColumn(
            String name, String path, String json, String where, String detail) throws IOException {
        Path file = Files.writeString(results.resolve(path), json);
        String before = fingerprint(site);

        CliRunner result = build();

        assertOneError(result, file + ":" + where, "malformed JSON: " + detail);
        assertEquals(before, fingerprint(site));
    }

    @Test
    void aMachineWithoutResultsListsTheMachinesThereAre() throws IOException {
        Files.createDirectories(results.resolve("lab-b/run-1"));
        Files.copy(results.resolve("test-machine/run-1/jmh.json"), results.resolve("lab-b/run-1/jmh.json"));
        String before = fingerprint(site);

        CliRunner result = build("--quote-machine", "nosuch");

        assertOneError(result, results.toString(), "no results for machine 'nosuch' (machines: lab-b, test-machine)");
        assertEquals(before, fingerprint(site));
    }
}
