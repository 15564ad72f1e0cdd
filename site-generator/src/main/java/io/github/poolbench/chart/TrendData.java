package io.github.poolbench.chart;

import java.util.List;

/**
 * One benchmark followed across a machine's runs, as the trend page draws it: x is the runs in
 * order, labelled by commit; y is the score with its 99.9 % interval, one line per hardware
 * segment (a break where the hardware changed); a step found in the series is marked on the first
 * point after it.
 *
 * @param runs   the x axis's labels, one per run, including runs without this benchmark
 * @param yLabel e.g. {@code ss (ms, lower is better)}
 * @param breaks the runs that start a new hardware segment (never 0): drawn as a break, labelled
 */
public record TrendData(String title, String yLabel, List<String> runs, List<Point> points, List<Integer> breaks)
        implements Drawing {

    /** What a point shows besides its score. */
    public enum Mark {
        NONE,
        /** A confirmed step for the worse. */
        REGRESSION,
        /** A confirmed step for the better. */
        IMPROVEMENT,
        /** A step the repository says was expected. */
        EXPECTED,
        /** A run after a step that its segment is still too short to confirm. */
        PENDING
    }

    /**
     * A run's score.
     *
     * @param run      the index into {@link TrendData#runs()}
     * @param hardware the number of the hardware it ran on: each has its own colour and shape
     */
    public record Point(int run, double y, double lower, double upper, int hardware, Mark mark) {}

    public TrendData {
        runs = List.copyOf(runs);
        points = List.copyOf(points);
        breaks = List.copyOf(breaks);
    }

    @Override
    public String cacheKey() {
        StringBuilder key = new StringBuilder("trend|");
        CacheKeys.appendLine(key, '|', title, yLabel, String.join(",", runs), breaks);
        for (Point p : points) {
            CacheKeys.appendLine(key, ' ', p.run(), p.y(), p.lower(), p.upper(), p.hardware(), p.mark());
        }
        return key.toString();
    }
}
