package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.results.Ratio.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector on series whose answer is known by construction; the fixture tests run it on real runs. */
class ChangePointsTest {

    /** Twenty deviations of about ±1 %, in no order: the noise every series below carries. */
    private static final double[] NOISE = {
        0.4, -0.9, 1.1, -0.2, 0.7, -1.0, 0.1, 0.9, -0.6, 0.3, -0.4, 1.0, -0.8, 0.2, 0.6, -0.3, -1.1, 0.8, -0.1, 0.5
    };

    /** {@code length} scores around {@code level} (in %), then around {@code after} from {@code at} on. */
    private static double[] series(int length, double level, int at, double after) {
        double[] scores = new double[length];
        for (int i = 0; i < length; i++) {
            scores[i] = (i < at ? level : after) * (1 + NOISE[i % NOISE.length] / 100);
        }
        return scores;
    }

    @Test
    void noiseAloneHasNoStep() {
        assertEquals(List.of(), ChangePoints.find(series(20, 100, 20, 100), false, 5));
    }

    @Test
    void aTenPercentStepIsFoundWhereItHappened() {
        List<ChangePoints.Step> steps = ChangePoints.find(series(20, 100, 12, 110), false, 5);

        assertEquals(1, steps.size(), steps.toString());
        ChangePoints.Step step = steps.getFirst();
        assertEquals(12, step.at());
        assertEquals(Verdict.SLOWER, step.speedup().verdict(), "a longer time is worse");
        assertEquals(12, step.before().n());
        assertEquals(8, step.after().n());
        assertFalse(step.pending());
    }

    @Test
    void theModeSaysWhichWayIsBetter() {
        ChangePoints.Step step =
                ChangePoints.find(series(20, 100, 12, 110), true, 5).getFirst();

        assertEquals(Verdict.FASTER, step.speedup().verdict(), "more throughput is better");
    }

    @Test
    void twoStepsAreBothFound() {
        double[] scores = series(24, 100, 8, 110);
        for (int i = 16; i < 24; i++) {
            scores[i] = 95 * (1 + NOISE[i % NOISE.length] / 100);
        }
        List<Integer> at = ChangePoints.find(scores, false, 5).stream()
                .map(ChangePoints.Step::at)
                .toList();

        assertEquals(List.of(8, 16), at);
    }

    @Test
    void aFewSlowRunsAreNoStep() {
        double[] scores = series(20, 100, 20, 100);
        scores[9] = 130;
        scores[10] = 130;

        assertEquals(List.of(), ChangePoints.find(scores, false, 5));
    }

    @Test
    void aStepInTheNewestRunsIsPendingUntilItsSegmentIsLongEnough() {
        List<ChangePoints.Step> steps = ChangePoints.find(series(20, 100, 17, 130), false, 5);

        assertEquals(1, steps.size(), steps.toString());
        assertEquals(17, steps.getFirst().at());
        assertTrue(steps.getFirst().pending(), "3 runs after it, 5 needed");
    }

    @Test
    void aSegmentNeedsTwoRunsForAVariance() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ChangePoints.find(new double[4], false, 1));
        assertEquals("a segment needs two runs for a variance, not 1", e.getMessage());
    }
}
