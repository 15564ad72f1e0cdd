package io.github.poolbench.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @BeforeEach
    void unixOnly() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
    }

    @Test
    void returnsTrimmedOutput() {
        assertEquals(Optional.of("hello"), Commands.run("sh", "-c", "echo '  hello  '"));
    }

    @Test
    void failureIsEmptyUnlessAnyExitIsAsked() {
        assertEquals(Optional.empty(), Commands.run("sh", "-c", "echo none; exit 1"));
        assertEquals(Optional.of("none"), Commands.runAnyExit("sh", "-c", "echo none; exit 1"));
    }

    @Test
    void missingProgramIsEmpty() {
        assertEquals(Optional.empty(), Commands.run("poolbench-no-such-program"));
    }

    @Test
    void hungProgramIsKilledAtTheTimeout() {
        // Not a timing assertion: only that a 60 s sleep yields empty instead of its output.
        assertTrue(Commands.run(null, Duration.ofMillis(200), List.of("sh", "-c", "sleep 60; echo late"))
                .isEmpty());
    }
}
