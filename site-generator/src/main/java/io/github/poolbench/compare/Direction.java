package io.github.poolbench.compare;

import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Units;

/** Which way a score is better; the rules are in the package description. */
enum Direction {
    HIGHER_IS_BETTER("higher"),
    LOWER_IS_BETTER("lower"),
    /** No better side: the row reports only whether NEW is higher or lower. */
    NONE("none");

    private final String word;

    Direction(String word) {
        this.word = word;
    }

    /** {@code higher}, {@code lower} or {@code none}, as the JSON report writes it. */
    String word() {
        return word;
    }

    /** A primary score: from the mode, as JMH defines it. */
    static Direction ofMode(String mode) {
        return BenchmarkResult.higherIsBetter(mode) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
    }

    /** A secondary metric: from its unit, which says whether it is normalised per operation. */
    static Direction ofSecondary(String unit) {
        if (Units.nanosPerTimeUnit(unit).isPresent()) {
            return Units.isRate(unit) ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
        }
        return unit.strip().endsWith("/op") ? LOWER_IS_BETTER : NONE;
    }
}
