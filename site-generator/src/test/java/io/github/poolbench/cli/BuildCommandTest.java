package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildCommandTest {

    @TempDir
    Path temp;

    /** The first build draws the four variants of each chart (light and dark, wide and narrow); the second copies them. */
    @ParameterizedTest(name = "build {0}: {1} drawn, {2} cached")
    @CsvSource({"1, 12, 0", "2, 0, 12"})
    void timingsSayWhereTheTimeWent(int builds, int drawn, int cached) {
        CliRunner result = null;
        for (int i = 0; i < builds; i++) {
            result = CliRunner.build(
                    Fixtures.fixture("content"), Fixtures.fixture("results"), temp.resolve("site"), "--timings");
        }

        assertEquals(0, result.exitCode(), result.err());
        String timings = result.out()
                .lines()
                .filter(line -> line.startsWith("timings:"))
                .findFirst()
                .orElse(result.out());
        assertTrue(
                Pattern.matches(
                        "timings: load \\d+ ms, parse \\d+ ms, render \\d+ ms, charts \\d+ ms \\(" + drawn + " drawn, "
                                + cached
                                + " cached\\), publish \\d+ ms, total \\d+ ms; JVM start to build start \\d+ ms",
                        timings),
                timings);
    }
}
