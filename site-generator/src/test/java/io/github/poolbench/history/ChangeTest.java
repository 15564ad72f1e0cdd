package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.results.Ratio.Verdict;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeTest {

    private static final double NAN = Double.NaN;

    /** A score of {@code mode} with the interval {@code score ± error}. */
    static Score score(String mode, double score, double error) {
        return new Score(
                "io.github.poolbench.bench.SleepBenchmark.map",
                mode,
                new TreeMap<>(Map.of("poolSize", "4")),
                score,
                error,
                score - error,
                score + error,
                "thrpt".equals(mode) ? "ops/s" : "ms/op");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // time modes: lower is better
                Arguments.of("avgt: slower, intervals apart", "avgt", 100, 1, 110, 1, Verdict.SLOWER),
                Arguments.of("avgt: faster, intervals apart", "avgt", 100, 1, 90, 1, Verdict.FASTER),
                Arguments.of("avgt: slower, intervals overlap", "avgt", 100, 5, 108, 5, Verdict.SAME),
                Arguments.of("avgt: intervals touch", "avgt", 100, 5, 110, 5, Verdict.SAME),
                Arguments.of("ss: slower, intervals apart", "ss", 300, 2, 330, 2, Verdict.SLOWER),
                Arguments.of("sample: faster, intervals apart", "sample", 5, 0.1, 4, 0.1, Verdict.FASTER),
                // throughput: higher is better, so the same numbers flip
                Arguments.of("thrpt: higher, intervals apart", "thrpt", 100, 1, 110, 1, Verdict.FASTER),
                Arguments.of("thrpt: lower, intervals apart", "thrpt", 100, 1, 90, 1, Verdict.SLOWER),
                Arguments.of("thrpt: lower, intervals overlap", "thrpt", 100, 5, 95, 5, Verdict.SAME),
                // no error estimate on either side: never flagged, however large the move
                Arguments.of("NaN error now", "avgt", 100, 1, 500, NAN, Verdict.UNKNOWN),
                Arguments.of("NaN error before", "thrpt", 100, NAN, 10, 1, Verdict.UNKNOWN),
                Arguments.of("NaN both", "ss", 100, NAN, 100, NAN, Verdict.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void flagsOnlyChangesOutsideTheNoise(
            String name,
            String mode,
            double before,
            double beforeError,
            double after,
            double afterError,
            Verdict expected) {
        Change change = Change.between(score(mode, before, beforeError), score(mode, after, afterError));

        assertEquals(expected, change.verdict());
        assertEquals(expected == Verdict.SLOWER || expected == Verdict.FASTER, change.flagged());
    }

    @Test
    void infiniteBoundsCountAsNoEstimate() {
        Score finite = score("avgt", 200, 1);
        Score open =
                new Score(finite.benchmark(), "avgt", finite.params(), 100, 1, Double.NEGATIVE_INFINITY, 101, "ms/op");

        assertEquals(Verdict.UNKNOWN, Change.between(open, finite).verdict());
    }

    @Test
    void refusesToCompareDifferentSeries() {
        assertThrows(
                IllegalArgumentException.class, () -> Change.between(score("avgt", 1, 0.1), score("thrpt", 1, 0.1)));
    }

    @Test
    void relativeChangeIsSignedAgainstThePrevious() {
        assertEquals(
                0.1,
                Change.between(score("avgt", 100, 1), score("avgt", 110, 1)).relative(),
                1e-12);
    }

    /** A score with its spread and sample count kept, as summaries written now have them. */
    static Score measured(String mode, double score, double sd, int samples) {
        double error = io.github.poolbench.results.Sample.tQuantile(samples - 1.0) * sd / Math.sqrt(samples);
        return new Score(
                "io.github.poolbench.bench.SleepBenchmark.map",
                mode,
                new TreeMap<>(Map.of("poolSize", "4")),
                score,
                error,
                score - error,
                score + error,
                "thrpt".equals(mode) ? "ops/s" : "ms/op",
                sd,
                samples);
    }

    /**
     * 100 and 106 ms, sd 4.47 over 20 samples: each score's interval is ± 3.9 ms, so they overlap,
     * but the ratio's interval (1.009–1.113) excludes 1: the site's one rule flags it.
     */
    @Test
    void withSampleCountsTheRatioIntervalDecides() {
        Change change =
                Change.between(measured("avgt", 100, Math.sqrt(20), 20), measured("avgt", 106, Math.sqrt(20), 20));

        assertEquals(Verdict.SLOWER, change.verdict());
        assertTrue(change.ratio().orElseThrow().lower() > 1, change.ratio().toString());
    }

    @Test
    void withSampleCountsAThroughputGainIsAnImprovement() {
        Change change =
                Change.between(measured("thrpt", 100, Math.sqrt(20), 20), measured("thrpt", 106, Math.sqrt(20), 20));

        assertEquals(Verdict.FASTER, change.verdict());
    }

    @Test
    void withSampleCountsAnIntervalHoldingOneIsWithinNoise() {
        Change change = Change.between(measured("avgt", 100, 10, 10), measured("avgt", 103, 10, 10));

        assertEquals(Verdict.SAME, change.verdict());
    }

    @Test
    void anOldSummaryWithoutSampleCountsHasNoRatio() {
        assertTrue(Change.between(score("avgt", 100, 1), measured("avgt", 110, 1, 10))
                .ratio()
                .isEmpty());
    }
}
