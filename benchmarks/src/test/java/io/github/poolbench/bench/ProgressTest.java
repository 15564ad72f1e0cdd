package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

    private static final String SLEEP = "io.github.poolbench.bench.SleepBenchmark.map";
    private static final Map<String, String> PARAMS = Map.of("poolSize", "4", "pool", "THREAD");

    private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private Progress progress(Progress.Display display) {
        return new Progress(
                new PrintStream(terminal, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8),
                display,
                40,
                9,
                10.0);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"0, 0:00", "59, 0:59", "61, 1:01", "3599, 59:59", "3661, 1:01:01"})
    void clockReadsLikeAStopwatch(long seconds, String expected) {
        assertEquals(expected, Progress.clock(Duration.ofSeconds(seconds)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"301.24, 301.2", "2.41234, 2.412", "0.0341234, 0.03412", "12345.6, 12346"})
    void numbersKeepFourSignificantDigits(double value, String expected) {
        assertEquals(expected, Progress.number(value));
    }

    @Test
    void theProgressLineNamesStepNOfMAndTheBenchmarkRunning() {
        try (Progress progress = progress(Progress.Display.PLAIN)) {
            progress.format(1);
            progress.started(SLEEP, PARAMS);
            String line = progress.progressLine();
            assertTrue(line.startsWith("step 2/9 | 1/40 | 0:00 elapsed, estimating time left | "), line);
            assertTrue(line.endsWith("SleepBenchmark.map pool=THREAD poolSize=4"), line);
        }
    }

    @Test
    void aFinishedBenchmarkGetsOneLineWithItsScoreAndIsFlaggedAboveTheTarget() {
        try (Progress progress = progress(Progress.Display.PLAIN)) {
            progress.started(SLEEP, PARAMS);
            String tight = progress.finished(SLEEP, PARAMS, 300.8, 1.2, "ms/op");
            assertTrue(
                    tight.startsWith(
                            "[1/40] SleepBenchmark.map pool=THREAD poolSize=4: 300.8 ± 1.200 ms/op (0.4 %) | "),
                    tight);
            assertTrue(tight.endsWith(" left"), tight);
            assertFalse(tight.contains("target"), tight);
            String wide = progress.finished(SLEEP, PARAMS, 230, 46, "ms/op");
            assertTrue(wide.startsWith("[2/40] "), wide);
            assertTrue(wide.contains("230.0 ± 46.00 ms/op (20.0 %) above the 10 % target | "), wide);
        }
    }

    @Test
    void plainLinesNeverRedraw() {
        try (Progress progress = progress(Progress.Display.PLAIN)) {
            progress.started(SLEEP, PARAMS);
            progress.say("a line");
        }
        assertEquals("a line" + System.lineSeparator(), terminal.toString(StandardCharsets.UTF_8));
        assertEquals("a line" + System.lineSeparator(), log.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLiveLineIsErasedBeforeEachPrintedLineAndAtTheEnd() {
        try (Progress progress = progress(Progress.Display.LIVE)) {
            progress.started(SLEEP, PARAMS);
            progress.say("a line");
        }
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("\r\033[2Kstep 0/9 | 1/40 | "), shown);
        assertTrue(shown.contains("\r\033[2Ka line" + System.lineSeparator() + "\r\033[2Kstep"), shown);
        assertTrue(shown.endsWith("\r\033[2K"), shown);
    }
}
