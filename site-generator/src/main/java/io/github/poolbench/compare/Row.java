package io.github.poolbench.compare;

import io.github.poolbench.results.RatioInterval;
import java.util.Optional;

/**
 * One compared score: a point's primary score or one of its secondary metrics, both sides in OLD's
 * unit.
 *
 * @param metric the secondary metric's name, empty for the primary score
 * @param ratio  NEW ÷ OLD of the means, with its 99.9 % interval
 */
record Row(
        Point point,
        Optional<String> metric,
        String unit,
        Side old,
        Side current,
        RatioInterval ratio,
        Direction direction,
        Verdict verdict) {

    /**
     * One side's score with JMH's 99.9 % interval.
     *
     * @param samples the measurements behind it (raw data, else forks × iterations)
     */
    record Side(double score, double lower, double upper, int samples) {

        /** Half the interval's width, the {@code ±} JMH prints; NaN without an estimate. */
        double halfWidth() {
            return (upper - lower) / 2;
        }
    }

    /** {@code SquareBenchmark.sequential} or {@code SquareBenchmark.sequential:gc.alloc.rate.norm}. */
    String name() {
        return point.shortName() + metric.map(name -> ":" + name).orElse("");
    }
}
