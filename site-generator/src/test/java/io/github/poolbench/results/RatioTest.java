package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RatioTest {

    /**
     * By hand: a = 200, s²a = 100, b = 100, s²b = 25, ten samples each, so va = 10, vb = 2.5, θ = 2.
     * Welch: (10 + 4·2.5)² / (10²/9 + 2⁴·2.5²/9) = 400 / (200/9) = 18 degrees, t = 3.92165.
     * Roots of θ²(b² − t²vb) − 2abθ + (a² − t²va): (20000 ± √(t²(100000 + 100000 − 25t²))) / (10000 − 2.5t²).
     */
    @Test
    void fiellerOfTwoSummaries() {
        Sample numerator = new Sample(200, 100, 10);
        Sample denominator = new Sample(100, 25, 10);

        assertEquals(18, Ratio.welchDegrees(numerator, denominator, 2), 1e-12);
        RatioInterval interval = Ratio.fieller(numerator, denominator);

        assertEquals(2, interval.ratio(), 1e-15);
        assertEquals(1.831830, interval.lower(), 1e-6);
        assertEquals(2.183608, interval.upper(), 1e-6);
    }

    @Test
    void rawSamplesGiveTheSameAsTheirSummary() {
        List<List<Double>> raw = List.of(List.of(461.0, 349.0), List.of(354.0));
        Sample fromRaw = Sample.of(raw);
        // JMH printed 388 ± 1154 for these three samples: t(2) × s / √3 with s = 63.269
        Sample fromSummary = Sample.ofSummary(388, 1154.2669, 3);

        assertEquals(388, fromRaw.mean(), 1e-12);
        assertEquals(63.26927, fromRaw.sd(), 1e-5);
        assertEquals(fromRaw.sd(), fromSummary.sd(), 1e-4);
        assertEquals(1154.2669, fromRaw.halfWidth(), 1e-3);
    }

    /** Against a constant the interval is the measured mean's own t-interval over the constant. */
    @Test
    void ratioToAConstantIsTheMeansIntervalOverIt() {
        Sample measured = new Sample(310, 16, 10); // half-width t(9) × 4 / √10 = 4.780913 × 1.264911 = 6.047429
        RatioInterval interval = Ratio.fieller(measured, Sample.constant(300));

        assertEquals(310.0 / 300, interval.ratio(), 1e-15);
        assertEquals((310 - 6.047429) / 300, interval.lower(), 1e-7);
        assertEquals((310 + 6.047429) / 300, interval.upper(), 1e-7);
    }

    @Test
    void constantOverAMeanInvertsTheMeansInterval() {
        Sample measured = new Sample(310, 16, 10);
        RatioInterval interval = Ratio.fieller(Sample.constant(300), measured);

        assertEquals(300 / (310 + 6.047429), interval.lower(), 1e-7);
        assertEquals(300 / (310 - 6.047429), interval.upper(), 1e-7);
    }

    /** b = 10 with vb = 400/3: b² = 100 ≤ t²·vb, so 0 is inside the denominator's interval. */
    @Test
    void aDenominatorNotDistinguishableFromZeroIsUnbounded() {
        RatioInterval interval = Ratio.fieller(new Sample(100, 2500, 3), new Sample(10, 400, 3));

        assertFalse(interval.isBounded());
        assertTrue(interval.isKnown());
        assertEquals(Double.NEGATIVE_INFINITY, interval.lower());
        assertEquals(Double.POSITIVE_INFINITY, interval.upper());
        assertEquals(Ratio.Verdict.SAME, Ratio.judge(interval));
    }

    @Test
    void twoConstantsHaveAPointInterval() {
        RatioInterval interval = Ratio.fieller(Sample.constant(6), Sample.constant(3));

        assertEquals(new RatioInterval(2, 2, 2), interval);
    }

    /** Times: the speed-up of a candidate is reference ÷ candidate, so a shorter time is faster. */
    @ParameterizedTest(name = "candidate {0} vs reference {1}: {2}")
    @CsvSource({
        "50,  100, FASTER", // disjoint, candidate better
        "100, 50,  SLOWER", // disjoint, the wrong direction
        "100, 101, SAME", // overlapping
        "100, 100, SAME",
    })
    void timesAreBetterLower(double candidate, double reference, Ratio.Verdict verdict) {
        Ratio ratio = Ratio.speedup(new Sample(candidate, 4, 10), new Sample(reference, 4, 10), false);

        assertEquals(verdict, ratio.verdict());
        assertEquals(reference / candidate, ratio.interval().ratio(), 1e-12);
    }

    @ParameterizedTest(name = "candidate {0} vs reference {1}: {2}")
    @CsvSource({"50, 100, SLOWER", "100, 50, FASTER", "100, 101, SAME"})
    void throughputIsBetterHigher(double candidate, double reference, Ratio.Verdict verdict) {
        Ratio ratio = Ratio.speedup(new Sample(candidate, 4, 10), new Sample(reference, 4, 10), true);

        assertEquals(verdict, ratio.verdict());
        assertEquals(candidate / reference, ratio.interval().ratio(), 1e-12);
    }

    /**
     * Two score intervals that overlap can still give a ratio interval that excludes 1: the old
     * rule (intervals apart) was far too conservative. 100 ± 3.31 and 106 ± 3.31 overlap, yet the
     * difference of 6 is well beyond its own 99.9 % half-width.
     */
    @Test
    void overlappingScoreIntervalsCanStillDiffer() {
        Sample a = new Sample(100, 20, 20);
        Sample b = new Sample(106, 20, 20);
        assertTrue(a.mean() + a.halfWidth() > b.mean() - b.halfWidth(), "score intervals overlap");

        assertEquals(Ratio.Verdict.FASTER, Ratio.speedup(a, b, false).verdict());
    }

    @Test
    void missingDataIsUnknown() {
        Sample good = new Sample(100, 4, 10);

        assertEquals(
                Ratio.Verdict.UNKNOWN,
                Ratio.speedup(Sample.of(List.of()), good, false).verdict());
        assertEquals(
                Ratio.Verdict.UNKNOWN,
                Ratio.speedup(Sample.ofSummary(100, Double.NaN, 10), good, false)
                        .verdict());
        assertEquals(
                Ratio.Verdict.UNKNOWN,
                Ratio.speedup(new Sample(Double.NaN, 4, 10), good, false).verdict());
        assertEquals(
                Ratio.Verdict.UNKNOWN,
                Ratio.speedup(Sample.of(List.of(List.of(5.0))), good, false).verdict());
    }

    @Test
    void theInverseSwapsAndInvertsTheEnds() {
        RatioInterval inverse = new RatioInterval(2, 1.6, 2.5).inverse();

        assertEquals(new RatioInterval(0.5, 0.4, 0.625), inverse);
        assertFalse(new RatioInterval(2, -1, 5).inverse().isBounded());
    }
}
