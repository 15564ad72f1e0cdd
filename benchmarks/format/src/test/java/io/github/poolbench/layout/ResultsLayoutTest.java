package io.github.poolbench.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsLayoutTest {

    private static final Instant STARTED = Instant.parse("2026-11-25T23:10:42Z");

    @Test
    void runIdIsTheStartMinuteAndTheProfile() {
        assertEquals("2026-11-25T2310Z-quick", ResultsLayout.runId(STARTED, "quick"));
    }

    @Test
    void runFoldersNeverCollide(@TempDir Path root) {
        Path first = ResultsLayout.newRunFolder(root, "lab", STARTED, "quick");
        Path second = ResultsLayout.newRunFolder(root, "lab", STARTED, "quick");

        assertEquals(root.resolve("lab/2026-11-25T2310Z-quick"), first);
        assertEquals(root.resolve("lab/2026-11-25T2310Z-quick-2"), second);
        assertTrue(Files.isDirectory(second));
    }

    @Test
    void aRunStartsWhenItsIdSaysToTheMinuteOrToTheSecond() {
        assertEquals(
                Optional.of(Instant.parse("2026-11-25T23:10:00Z")), ResultsLayout.startOf("2026-11-25T2310Z-quick-2"));
        assertEquals(
                Optional.of(Instant.parse("2026-11-25T23:10:42Z")), ResultsLayout.startOf("2026-11-25T231042Z-full"));
        assertEquals(Optional.empty(), ResultsLayout.startOf("contributed-run"));
    }

    @Test
    void aFileBelowTheRootNamesItsMachineAndRun() {
        Path suite = Path.of("lab", "2026-11-25T2310Z-quick", ResultsLayout.JMH_FILE);
        Path deeper = Path.of("lab", "2026-11", "a", "results.json");
        Path loose = Path.of("lab", "other-project.json");

        assertEquals("lab", ResultsLayout.machineId(suite));
        assertEquals("2026-11-25T2310Z-quick", ResultsLayout.runId(suite));
        assertEquals("2026-11/a", ResultsLayout.runId(deeper));
        assertEquals("other-project", ResultsLayout.runId(loose), "a file in the machine folder is a run of its own");
        assertTrue(ResultsLayout.inMachineFolder(loose));
        assertFalse(ResultsLayout.inMachineFolder(Path.of("stray.json")), "a file in the root belongs to no machine");
    }
}
