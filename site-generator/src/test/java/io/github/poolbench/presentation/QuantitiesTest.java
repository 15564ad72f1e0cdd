package io.github.poolbench.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.results.Metric;
import io.github.poolbench.results.RatioInterval;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The site's one way of writing a quantity: each rule of it, one test each. */
class QuantitiesTest {

    private static Metric metric(double score, double error, String unit) {
        return new Metric(score, error, score - error, score + error, unit, List.of());
    }

    @Test
    void microsecondsReadAsMicroNeverAsUs() {
        assertEquals("812.3 ± 4.1 µs", Quantities.measured(metric(812.34, 4.12, "us/op")));
    }

    @Test
    void tenThousandMicrosecondsAndMoreReadAsMilliseconds() {
        assertEquals("12.50 ± 0.13 ms", Quantities.measured(metric(12_500, 130, "us/op")));
    }

    @Test
    void aValueWithoutErrorKeepsFourSignificantDigitsAndSeparatesThousands() {
        assertEquals("1,000 ms", Quantities.value(1_000, "ms/op"));
    }

    @Test
    void anIdealInMicrosecondsStepsUpLikeAMeasuredTime() {
        assertEquals("1,000 ms", Quantities.value(1_000_000, "us/op"));
    }

    @Test
    void aRateKeepsItsUnitWithMicroSpelledOut() {
        assertEquals("0.4321 ops/µs", Quantities.value(0.43214, "ops/us"));
    }

    @Test
    void aProfilersBareUsIsMicroToo() {
        assertEquals("µs", Quantities.unit("us"));
    }

    @Test
    void aTableCellKeepsTheWholeUnitAndSeparatesThousands() {
        assertEquals("8,192.00 ± 0.50 B/op", Quantities.cell(metric(8192, 0.5, "B/op")));
    }

    @Test
    void aMetricWithoutAnErrorSaysSo() {
        assertEquals("105 ms (no error estimate)", Quantities.measured(metric(105, Double.NaN, "ms/op")));
    }

    @Test
    void theScoreKeepsTheErrorsSecondSignificantDigit() {
        assertEquals("301.2 ± 1.4", Quantities.scoreWithError(301.234, 1.44));
    }

    @Test
    void aScoreWithoutErrorShowsAQuestionMark() {
        assertEquals("301.2 ± ?", Quantities.scoreWithError(301.234, Double.NaN));
    }

    @Test
    void largeNumbersAreSeparatedInThousandsEvenNegative() {
        assertEquals("-1,234,568", Quantities.significant(-1_234_567.8, 7));
    }

    @Test
    void aRatioKeepsThreeSignificantDigitsWithTrailingZeros() {
        assertEquals("2.00×", Quantities.times(2));
    }

    @Test
    void aNarrowIntervalGetsTheDigitsToTellItsEndsApart() {
        assertEquals("0.998–1.002", Quantities.interval(new RatioInterval(1.0, 0.998, 1.002)));
    }

    @Test
    void anUnboundedIntervalSaysSo() {
        assertEquals("unbounded", Quantities.interval(RatioInterval.unbounded(1.2)));
    }

    @Test
    void aRelativeChangeIsASignedPercentage() {
        assertEquals("-2.5 %", Quantities.signedPercent(-0.025));
    }
}
