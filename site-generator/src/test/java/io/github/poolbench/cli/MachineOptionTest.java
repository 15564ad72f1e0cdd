package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two meanings of the old {@code --machine}: one flag each, the old name still accepted with a warning. */
class MachineOptionTest {

    private static final String QUOTE_WARNING =
            "poolbench: warning: --machine is deprecated; use --quote-machine (the machine whose numbers the lessons quote)";
    private static final String FILED_WARNING =
            "poolbench: warning: --machine is deprecated; use --machine-id (the id the results are filed under)";

    @TempDir
    Path temp;

    private CliRunner build(String... machine) {
        return CliRunner.build(Fixtures.fixture("content"), Fixtures.fixture("results"), temp.resolve("site"), machine);
    }

    private CliRunner record(String... machine) {
        String[] base = {
            "record",
            "--commit",
            "abcdef0",
            "--results",
            Fixtures.fixture("results").toString(),
            "--history",
            temp.resolve("history").toString()
        };
        return CliRunner.run(CliRunner.concat(base, machine));
    }

    @Test
    void buildQuotesTheMachineNamedByQuoteMachineQuietly() {
        CliRunner result = build("--quote-machine", "test-machine");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().contains("Built 4 pages"), result.out());
    }

    @Test
    void buildStillTakesTheOldNameAndSaysWhichToUse() {
        CliRunner result = build("--machine", "test-machine");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(QUOTE_WARNING + System.lineSeparator(), result.err());
        assertTrue(result.out().contains("Built 4 pages"), result.out());
    }

    @Test
    void theOldNameKeepsItsCheckOfTheMachine() {
        CliRunner result = build("--machine", "nosuch");

        assertEquals(1, result.exitCode());
        assertEquals(QUOTE_WARNING, result.err().lines().findFirst().orElseThrow());
        assertTrue(
                result.err()
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .endsWith(": error: no results for machine 'nosuch' (machines: test-machine)"),
                result.err());
    }

    @Test
    void recordFindsTheRunFiledUnderMachineIdQuietly() {
        CliRunner result = record("--machine-id", "test-machine");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().startsWith("Recorded test-machine/run-1 as "), result.out());
    }

    @Test
    void recordStillTakesTheOldNameAndSaysWhichToUse() {
        CliRunner result = record("--machine", "test-machine");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(FILED_WARNING + System.lineSeparator(), result.err());
        assertTrue(result.out().startsWith("Recorded test-machine/run-1 as "), result.out());
    }

    /** Checked before anything runs: bench would otherwise measure for minutes first. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"bench, --machine-id", "report, --machine-id", "record, --machine-id", "build, --quote-machine"})
    void theOldAndTheNewNameNamingDifferentMachinesIsAUsageError(String command, String name) {
        CliRunner result = switch (command) {
            case "record" -> record("--machine", "a", name, "b");
            case "build" -> build("--machine", "a", name, "b");
            case "report" ->
                CliRunner.run(
                        command,
                        "--results",
                        temp.resolve("results").toString(),
                        "--out",
                        temp.resolve("site").toString(),
                        "--machine",
                        "a",
                        name,
                        "b");
            default ->
                CliRunner.run(command, "--results", temp.resolve("results").toString(), "--machine", "a", name, "b");
        };

        assertEquals(2, result.exitCode(), result.out() + result.err());
        assertTrue(
                result.err().startsWith("--machine and " + name + " name different machines; give " + name + " only"),
                result.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bench, --machine-id",
        "report, --machine-id",
        "record, --machine-id",
        "build, --quote-machine",
        "serve, --quote-machine"
    })
    void helpShowsTheNewNameOnly(String command, String name) {
        CliRunner result = CliRunner.run(command, "--help");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains(name + "=ID"), result.out());
        assertFalse(result.out().contains("--machine="), result.out());
    }
}
