package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code acknowledged.yml} arrives by pull request: each way it can be wrong stops the build at its line. */
class AcknowledgementsTest {

    @TempDir
    Path temp;

    private Path write(String yaml) throws IOException {
        Path file = Files.createDirectories(temp.resolve("content/history")).resolve("acknowledged.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private List<Acknowledgement> load() {
        return Acknowledgements.load(temp.resolve("content"), new Diagnostics(true));
    }

    private String error(String yaml) throws IOException {
        write(yaml);
        InputException e = assertThrows(InputException.class, this::load);
        assertEquals(1, e.errors().size());
        return e.errors().getFirst().location() + ": " + e.errors().getFirst().message();
    }

    @Test
    void readsEachEntry() throws IOException {
        Path file = write("""
                # expected changes
                - commit: 0A1B2C3D
                  benchmark: "SleepBenchmark.map (pool=PROCESS*"
                  reason: worker JVMs now start with a smaller heap
                """);

        List<Acknowledgement> entries = load();

        assertEquals(
                List.of(new Acknowledgement(
                        "0a1b2c3d",
                        "SleepBenchmark.map (pool=PROCESS*",
                        "worker JVMs now start with a smaller heap",
                        new Location(temp.resolve("content").resolve("history/acknowledged.yml"), 2, 3))),
                entries);
        assertTrue(Files.exists(file));
    }

    @Test
    void noFileAndAnEmptyFileAcknowledgeNothing() throws IOException {
        assertEquals(List.of(), load());
        write("# nothing expected yet\n");
        assertEquals(List.of(), load());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a list            | commit: 0a1b2c3                                         | 1:1: expected a list of acknowledged changes, each '- commit: …', 'benchmark: …', 'reason: …'
            not a mapping         | - 0a1b2c3                                                | 1:3: an acknowledged change must have the keys commit, benchmark and reason
            unknown key           | - {commit: 0a1b2c3, benchmark: X, reason: r, run: 1}     | 1:46: unknown key 'run': an acknowledged change has commit, benchmark and reason
            missing reason        | - {commit: 0a1b2c3, benchmark: X}                        | 1:3: an acknowledged change without 'reason'
            short commit          | - {commit: 0a1b2c, benchmark: X, reason: r}              | 1:12: 'commit' must be a commit hash or its first 7 characters or more, not '0a1b2c'
            not hexadecimal       | - {commit: 0a1b2cz, benchmark: X, reason: r}             | 1:12: 'commit' must be a commit hash or its first 7 characters or more, not '0a1b2cz'
            empty benchmark       | - {commit: 0a1b2c3, benchmark: '', reason: r}            | 1:32: 'benchmark' must be a text that is not empty
            list as reason        | - {commit: 0a1b2c3, benchmark: X, reason: [a, b]}        | 1:43: 'reason' must be a text that is not empty
            bad YAML              | - {commit: 0a1b2c3, benchmark: X                         | 2:1: bad YAML: expected ',' or '}', but got <stream end>
            """)
    void badEntriesStopTheBuildAtTheirLine(String name, String yaml, String message) throws IOException {
        String[] parts = message.split(": ", 2);
        assertEquals(
                temp.resolve("content/history/acknowledged.yml") + ":" + parts[0] + ": " + parts[1],
                error(yaml + "\n"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        assertEquals(
                temp.resolve("content/history/acknowledged.yml") + ":3:3: 'reason' given twice",
                error("- commit: 0a1b2c3\n  reason: a\n  reason: b\n  benchmark: X\n"));
    }

    @Test
    void aPatternCoversTheBenchmarkWithAnyParamsOrTheParamsItNames() {
        SeriesKey process = new SeriesKey(
                "io.github.poolbench.bench.SleepBenchmark.map",
                "ss",
                new TreeMap<>(Map.of("pool", "PROCESS", "poolSize", "4")),
                "ms/op");
        Location where = Location.of(Path.of("acknowledged.yml"));

        assertTrue(new Acknowledgement("0a1b2c3", "SleepBenchmark.map", "r", where).covers(process, "0a1b2c3d4e"));
        assertTrue(new Acknowledgement("0a1b2c3", "*(pool=PROCESS*", "r", where).covers(process, "0a1b2c3d4e"));
        assertFalse(new Acknowledgement("0a1b2c3", "*(pool=THREAD*", "r", where).covers(process, "0a1b2c3d4e"));
        assertFalse(
                new Acknowledgement("0a1b2c3", "SleepBenchmark.map", "r", where).covers(process, "1a1b2c3d4e"),
                "another commit");
        assertFalse(
                new Acknowledgement("0a1b2c3", "Sleep.enchmark.map", "r", where).covers(process, "0a1b2c3d4e"),
                "a dot is a dot, not any character");
    }
}
