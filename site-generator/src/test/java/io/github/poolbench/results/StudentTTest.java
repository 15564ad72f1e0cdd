package io.github.poolbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StudentTTest {

    /** Critical values as printed in the usual tables (three decimals). */
    @ParameterizedTest(name = "t({0}, {1}) = {2}")
    @CsvSource({
        "0.9995, 1,   636.619",
        "0.9995, 2,   31.599",
        "0.9995, 3,   12.924",
        "0.9995, 4,   8.610",
        "0.9995, 5,   6.869",
        "0.9995, 9,   4.781",
        "0.9995, 10,  4.587",
        "0.9995, 18,  3.922",
        "0.9995, 29,  3.659",
        "0.9995, 30,  3.646",
        "0.9995, 120, 3.373",
        "0.975,  1,   12.706",
        "0.975,  2,   4.303",
        "0.975,  10,  2.228",
        "0.95,   5,   2.015",
        "0.9995, Infinity, 3.291",
    })
    void quantileMatchesTheTables(double p, double df, double tabulated) {
        assertEquals(tabulated, StudentT.quantile(p, df), 0.0005);
    }

    @ParameterizedTest(name = "df={0}")
    @CsvSource({"1", "2.25", "7.5", "40"})
    void quantileInvertsTheDistributionFunction(double df) {
        for (double p : new double[] {0.001, 0.2, 0.5, 0.9, 0.9995}) {
            assertEquals(p, StudentT.cdf(StudentT.quantile(p, df), df), 1e-9, "p=" + p);
        }
    }

    @org.junit.jupiter.api.Test
    void fractionalDegreesLieBetweenTheWholeOnes() {
        double t = StudentT.quantile(0.9995, 7.5);
        assertTrue(StudentT.quantile(0.9995, 8) < t && t < StudentT.quantile(0.9995, 7), "t(7.5) = " + t);
    }

    @org.junit.jupiter.api.Test
    void cauchyIsExact() {
        // one degree of freedom is the Cauchy distribution: F(t) = 1/2 + atan(t)/π
        assertEquals(0.5 + Math.atan(3) / Math.PI, StudentT.cdf(3, 1), 1e-12);
    }

    @ParameterizedTest(name = "p={0} df={1}")
    @CsvSource({"0, 5", "1, 5", "0.5, 0", "NaN, 3", "0.9, NaN"})
    void outsideTheDomainIsNaN(double p, double df) {
        assertTrue(Double.isNaN(StudentT.quantile(p, df)), "quantile(" + p + ", " + df + ")");
    }
}
