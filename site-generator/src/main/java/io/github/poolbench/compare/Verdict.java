package io.github.poolbench.compare;

import io.github.poolbench.results.RatioInterval;

/**
 * What the ratio NEW ÷ OLD lets a reader say. A word other than {@code ~} needs the ratio's 99.9 %
 * interval to exclude 1, as everywhere on the site. Primary scores are {@code faster} or
 * {@code slower}; secondary metrics with a better side are {@code better} or {@code worse} (less
 * allocation is not speed); metrics without one only {@code higher} or {@code lower}.
 */
enum Verdict {
    FASTER("faster"),
    SLOWER("slower"),
    BETTER("better"),
    WORSE("worse"),
    HIGHER("higher"),
    LOWER("lower"),
    /** The interval holds 1, or is unbounded: the two cannot be told apart. */
    SAME("~"),
    /** No interval: a side has no raw data and no error estimate. */
    UNKNOWN("?");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    /** True for the verdicts {@code --fail-on regression} fails on. */
    boolean regressed() {
        return this == SLOWER || this == WORSE;
    }

    static Verdict of(RatioInterval newOverOld, Direction direction, boolean primary) {
        if (!newOverOld.isKnown()) {
            return UNKNOWN;
        }
        boolean higher = newOverOld.lower() > 1;
        if (!higher && !(newOverOld.upper() < 1)) {
            return SAME;
        }
        return switch (direction) {
            case NONE -> higher ? HIGHER : LOWER;
            case HIGHER_IS_BETTER -> primary ? (higher ? FASTER : SLOWER) : (higher ? BETTER : WORSE);
            case LOWER_IS_BETTER -> primary ? (higher ? SLOWER : FASTER) : (higher ? WORSE : BETTER);
        };
    }
}
