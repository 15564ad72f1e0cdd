package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolbenchCliTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"report", "bench", "build", "serve"})
    void everyCommandHasHelp(String command) {
        CliRunner result = CliRunner.run(command, "--help");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Usage: poolbench " + command), result.out());
    }

    @Test
    void noCommandIsAUsageErrorNamingEveryCommand() {
        CliRunner result = CliRunner.run();

        assertEquals(2, result.exitCode());
        assertTrue(
                result.err().contains("Missing command: choose report, bench, build, serve or record"), result.err());
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner result = CliRunner.run("build", "--no-such-option");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("Unknown option: '--no-such-option'"), result.err());
    }

    @Test
    void unknownProfileNamesTheChoices() {
        CliRunner result = CliRunner.run("bench", "--profile", "huge");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown profile 'huge' (choose smoke, quick or full)"), result.err());
    }

    @Test
    void buildWritesTheSite() {
        CliRunner result =
                CliRunner.build(Fixtures.fixture("content"), Fixtures.fixture("results"), temp.resolve("site"));

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Built 4 pages and 3 charts"), result.out());
        assertTrue(Files.exists(temp.resolve("site/lesson.html")));
    }

    @Test
    void malformedResultsFailWithOneLineAndLeaveTheSiteAlone() throws IOException {
        Path results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results"));
        Path bad = results.resolve("test-machine/run-1/jmh.json");
        Files.writeString(bad, "[\n  {\"benchmark\": \"a.B.c\",\n   \"mode\": ss}\n]\n");
        Path site = temp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "previous");
        Files.writeString(site.resolve(".poolbench-site"), ""); // as a build leaves it: the build may replace it

        CliRunner result = CliRunner.build(Fixtures.fixture("content"), results, site);

        assertEquals(1, result.exitCode());
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().startsWith(bad + ":3:"), result.err());
        assertTrue(result.err().contains("malformed JSON"), result.err());
        assertEquals("previous", Files.readString(site.resolve("index.html")));
    }
}
