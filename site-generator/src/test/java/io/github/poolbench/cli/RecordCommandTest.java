package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {

    @TempDir
    Path temp;

    @Test
    void recordsTheNewestRunOfAMachineKeyedByCommit() throws IOException {
        Path history = temp.resolve("history");

        CliRunner result = CliRunner.run(
                "record",
                "--commit",
                "ABCDEF0123456789",
                "--machine-id",
                "test-machine",
                "--results",
                Fixtures.fixture("results").toString(),
                "--history",
                history.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Recorded test-machine/run-1 as "), result.out());
        try (Stream<Path> files = Files.list(history.resolve("test-machine"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size());
            assertTrue(names.getFirst().endsWith("-abcdef012345.json"), names.toString());
        }
    }

    @Test
    void refusesAnythingButACommitHash() {
        CliRunner result = CliRunner.run(
                "record",
                "--commit",
                "main; rm -rf /",
                "--results",
                Fixtures.fixture("results").toString(),
                "--history",
                temp.toString());

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("--commit must be a hexadecimal commit hash"), result.err());
    }

    @Test
    void unknownMachineIsOneClearError() {
        CliRunner result = CliRunner.run(
                "record",
                "--commit",
                "abcdef0",
                "--machine-id",
                "nope",
                "--results",
                Fixtures.fixture("results").toString(),
                "--history",
                temp.toString());

        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("no runs of machine 'nope'"), result.err());
    }
}
