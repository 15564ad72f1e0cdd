package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which history folder a build charts when none is named: the checkout's, once it holds recorded runs. */
class HistoryOptionTest {

    @TempDir
    Path home;

    private String homeBefore;

    @BeforeEach
    void useATemporaryCheckout() throws IOException {
        homeBefore = System.getProperty("poolbench.home");
        System.setProperty("poolbench.home", home.toString());
        Files.createDirectories(home.resolve("content/history"));
        Files.writeString(home.resolve("content/history/acknowledged.yml"), "# nothing acknowledged\n");
    }

    @AfterEach
    void restoreTheCheckout() {
        if (homeBefore == null) {
            System.clearProperty("poolbench.home");
        } else {
            System.setProperty("poolbench.home", homeBefore);
        }
    }

    @Test
    void aHistoryFolderHoldingOnlyTheAcknowledgementsIsNotCharted() {
        assertEquals(Optional.empty(), new HistoryOption().toChart());
    }

    @Test
    void theDefaultFolderIsChartedOnceAMachineHasRecordedRuns() throws IOException {
        Files.createDirectories(home.resolve("content/history/test-machine"));

        assertEquals(Optional.of(home.resolve("content/history")), new HistoryOption().toChart());
    }

    @Test
    void aFolderNamedIsAlwaysCharted() {
        HistoryOption option = new HistoryOption();
        option.history = home.resolve("not-made-yet");

        assertEquals(Optional.of(home.resolve("not-made-yet")), option.toChart());
    }
}
