package io.github.poolbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.results.RatioInterval;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which way is better, what a ratio's interval lets the row say, and which units convert. */
class RulesTest {

    @ParameterizedTest
    @CsvSource({"thrpt, HIGHER_IS_BETTER", "avgt, LOWER_IS_BETTER", "sample, LOWER_IS_BETTER", "ss, LOWER_IS_BETTER"})
    void aPrimaryScoreIsBetterTheWayItsModeSays(String mode, Direction expected) {
        assertEquals(expected, Direction.ofMode(mode));
    }

    @ParameterizedTest
    @CsvSource({
        "B/op, LOWER_IS_BETTER", // gc.alloc.rate.norm: bytes allocated per operation
        "#/op, LOWER_IS_BETTER", // perfnorm's counters per operation
        "ms/op, LOWER_IS_BETTER", // sample mode's percentiles
        "ops/us, HIGHER_IS_BETTER", // a group benchmark's per-method throughput
        "MB/sec, NONE", // gc.alloc.rate: grows with the throughput itself
        "counts, NONE", // gc.count: per iteration, however many operations it held
        "ms, NONE" // gc.time
    })
    void aSecondaryMetricIsBetterTheWayItsUnitSays(String unit, Direction expected) {
        assertEquals(expected, Direction.ofSecondary(unit));
    }

    @ParameterizedTest
    @CsvSource({
        // NEW/OLD lower, upper, direction, primary, verdict
        "1.10, 1.30, HIGHER_IS_BETTER, true, FASTER",
        "0.70, 0.90, HIGHER_IS_BETTER, true, SLOWER",
        "1.10, 1.30, LOWER_IS_BETTER, true, SLOWER",
        "0.70, 0.90, LOWER_IS_BETTER, true, FASTER",
        "0.70, 0.90, LOWER_IS_BETTER, false, BETTER",
        "1.10, 1.30, LOWER_IS_BETTER, false, WORSE",
        "1.10, 1.30, NONE, false, HIGHER",
        "0.70, 0.90, NONE, false, LOWER",
        "0.90, 1.10, LOWER_IS_BETTER, true, SAME",
        "1.00, 1.30, HIGHER_IS_BETTER, true, SAME", // an end at 1 does not exclude it
        "-Infinity, Infinity, HIGHER_IS_BETTER, true, SAME",
        "NaN, NaN, HIGHER_IS_BETTER, true, UNKNOWN"
    })
    void aVerdictNeedsTheIntervalToExcludeOne(
            double lower, double upper, Direction direction, boolean primary, Verdict expected) {
        assertEquals(expected, Verdict.of(new RatioInterval(1.2, lower, upper), direction, primary));
    }

    @ParameterizedTest
    @CsvSource({
        "ms/op, us/op, 1000",
        "us/op, ms/op, 0.001",
        "ns/op, s/op, 1e-9",
        "ops/s, ops/ms, 0.001",
        "ops/us, ops/ms, 1000",
        "B/op, B/op, 1"
    })
    void timesAndRatesConvertWithinTheirKind(String from, String to, double factor) {
        assertEquals(Optional.of(factor), UnitConversion.factor(from, to).map(f -> Math.rint(f * 1e12) / 1e12));
    }

    @ParameterizedTest
    @CsvSource({"ms/op, ops/ms", "B/op, MB/sec", "ms/op, ms", "counts, B/op"})
    void otherUnitsDoNotConvert(String from, String to) {
        assertEquals(Optional.empty(), UnitConversion.factor(from, to));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "0.32849; 0.31712; 0.33986; 0.328 (0.317–0.340)",
                "1.0000; 0.99951; 1.00049; 1.0000 (0.9995–1.0005)",
                "2.5; -Infinity; Infinity; 2.50 (unbounded)",
                "2.5; NaN; NaN; 2.50 (no interval)",
                "123.4; 120; 127; 123 (120–127)"
            })
    void aRatioShowsThreeDigitsAndAsManyMoreAsItsEndsNeed(double ratio, double lower, double upper, String text) {
        assertEquals(text, Cells.ratio(new RatioInterval(ratio, lower, upper)));
    }
}
