package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Black-box runs of {@code poolbench build} on a lesson one of whose {@code {% compare %}} claims
 * the fixture's data does not back: the site still builds with a warning at the tag's line, and
 * {@code --strict} fails the build.
 */
class ClaimCheckTest {

    @TempDir
    Path temp;

    private Path content() throws IOException {
        Path content = temp.resolve("content");
        Files.createDirectories(content);
        Files.copy(Fixtures.fixture("claims/claims.md"), content.resolve("claims.md"));
        return content;
    }

    private CliRunner build(Path content, String... extra) {
        return CliRunner.build(content, Fixtures.fixture("modes-results"), temp.resolve("site"), extra);
    }

    private static final String MESSAGE =
            "compare: expected faster but the data says same (no slower: 1.00× (0.999–1.003×)): "
                    + "SleepBenchmark.map pool=VIRTUAL poolSize=1 sleepMillis=100 tasks=12 (ss), machine lab-a/2026-01-01T000000Z-quick"
                    + " vs SleepBenchmark.map pool=SEQUENTIAL poolSize=1 sleepMillis=100 tasks=12 (ss), machine lab-a/2026-01-01T000000Z-quick";

    @Test
    void aClaimTheDataDoesNotBackIsAWarningAtItsLine() throws IOException {
        Path content = content();

        CliRunner lenient = build(content, "--quote-machine", "lab-a");

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(lenient.out().contains(content.resolve("claims.md") + ":8:23:"), lenient.out());
        assertTrue(lenient.out().contains("warning: " + MESSAGE), lenient.out());
        String html = Files.readString(temp.resolve("site/claims.html"));
        assertTrue(html.contains("data-expected=\"faster\" data-verdict=\"faster\""), html);
        assertTrue(html.contains("data-expected=\"faster\" data-verdict=\"same\""), html);
    }

    @Test
    void strictMakesItAnError() throws IOException {
        Path content = content();

        CliRunner strict = build(content, "--quote-machine", "lab-a", "--strict");

        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains(content.resolve("claims.md") + ":8:23:"), strict.err());
        assertTrue(strict.err().contains("error: " + MESSAGE), strict.err());
        assertEquals(
                1, strict.err().lines().filter(line -> line.contains("error:")).count(), strict.err());
    }
}
