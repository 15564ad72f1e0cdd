package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SleepTest {

    @Test
    void returnsWhenItStartedAndSleepsAtLeastTheNap() {
        Instant before = Instant.now();
        long t0 = System.nanoTime();
        Instant started = Sleep.nap(new Sleep.Nap(0, Duration.ofMillis(20), false));
        long sleptNanos = System.nanoTime() - t0;
        assertFalse(started.isBefore(before));
        // A lower bound only: Thread.sleep never returns early.
        assertTrue(sleptNanos >= Duration.ofMillis(20).toNanos(), "slept " + sleptNanos + " ns");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void printsItsStartTimeOnlyWhenAsked(boolean echo) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        Instant started;
        try {
            started = Sleep.nap(new Sleep.Nap(7, Duration.ZERO, echo));
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertEquals(echo ? "task 7 started at " + started + System.lineSeparator() : "", out);
    }

    @Test
    void interruptedNapFailsAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThrows(IllegalStateException.class, () -> Sleep.nap(new Sleep.Nap(1, Duration.ofSeconds(5), false)));
            assertTrue(Thread.interrupted(), "interrupt flag restored (and cleared here)");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void napsAreNumberedAndAlike() {
        List<Sleep.Nap> naps = Sleep.naps(Sleep.TASKS, Sleep.NAP, true);
        assertEquals(12, naps.size());
        assertEquals(new Sleep.Nap(11, Duration.ofMillis(100), true), naps.get(11));
    }

    @Test
    void negativeNapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Sleep.Nap(0, Duration.ofMillis(-1), false));
    }

    @Test
    void aTestsNapStretchLengthensEveryNapByItsFactor() {
        assertEquals(Duration.ofMillis(22), Sleep.stretched(Duration.ofMillis(20), "1.10"));
        assertEquals(Duration.ofMillis(20), Sleep.stretched(Duration.ofMillis(20), null));
    }

    @Test
    void theNapStretchReachesNapsThroughItsProperty() {
        System.setProperty(Sleep.NAP_STRETCH, "1.5");
        try {
            assertEquals(
                    Duration.ofMillis(30),
                    Sleep.naps(2, Duration.ofMillis(20), false).get(1).length());
        } finally {
            System.clearProperty(Sleep.NAP_STRETCH);
        }
        assertEquals(
                Duration.ofMillis(20),
                Sleep.naps(2, Duration.ofMillis(20), false).get(1).length());
    }

    @Test
    void aNapStretchThatIsNoPositiveNumberIsRefused() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Sleep.stretched(Duration.ofMillis(20), "-1"));
        assertEquals("poolbench.test.napStretch must be a positive number, not '-1'", e.getMessage());
    }
}
