package io.github.poolbench.compare;

import io.github.poolbench.results.Units;
import java.util.Optional;

/**
 * Scores of one dimension in two units: JMH writes a time per operation ({@code ms/op},
 * {@code us/op}) or a rate ({@code ops/s}, {@code ops/ms}) in whatever unit each run asked for
 * ({@code -tu}). Other units convert only to themselves: {@code B/op} against {@code MB/sec} is not
 * a difference of scale.
 */
final class UnitConversion {

    private UnitConversion() {}

    /** The factor that turns a score in {@code from} into {@code to}; empty when they measure different things. */
    static Optional<Double> factor(String from, String to) {
        if (from.strip().equals(to.strip())) {
            return Optional.of(1.0);
        }
        Optional<Double> fromNanos = Units.nanosPerTimeUnit(from);
        Optional<Double> toNanos = Units.nanosPerTimeUnit(to);
        if (fromNanos.isEmpty() || toNanos.isEmpty() || Units.isRate(from) != Units.isRate(to)) {
            return Optional.empty();
        }
        // a time per op grows with the unit's size, a rate shrinks with it
        return Optional.of(Units.isRate(from) ? toNanos.get() / fromNanos.get() : fromNanos.get() / toNanos.get());
    }
}
