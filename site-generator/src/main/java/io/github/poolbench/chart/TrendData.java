package io.github.poolbench.chart;

import io.github.poolbench.results.Ratio;
import java.util.List;
import java.util.Optional;

/**
 * One benchmark followed across a machine's runs, as the trend page draws it: x is the runs in
 * order, labelled by commit; y is the score with its 99.9 % interval; a change that stands out of
 * the noise is marked on the point it led to.
 *
 * @param runs   the x axis's labels, one per run, including runs without this benchmark
 * @param yLabel e.g. {@code ss (ms, lower is better)}
 */
public record TrendData(String title, String yLabel, List<String> runs, List<Point> points) implements Drawing {

    /**
     * A run's score.
     *
     * @param run    the index into {@link TrendData#runs()}
     * @param change the verdict against the series' previous point: {@code FASTER} (better) and
     *               {@code SLOWER} (worse) are marked; empty for the first point
     */
    public record Point(int run, double y, double lower, double upper, Optional<Ratio.Verdict> change) {}

    public TrendData {
        runs = List.copyOf(runs);
        points = List.copyOf(points);
    }

    @Override
    public String cacheKey() {
        StringBuilder key = new StringBuilder("trend|")
                .append(title)
                .append('|')
                .append(yLabel)
                .append('|')
                .append(String.join(",", runs))
                .append('\n');
        for (Point p : points) {
            key.append(p.run())
                    .append(' ')
                    .append(p.y())
                    .append(' ')
                    .append(p.lower())
                    .append(' ')
                    .append(p.upper())
                    .append(' ')
                    .append(p.change().map(Ratio.Verdict::word).orElse("-"))
                    .append('\n');
        }
        return key.toString();
    }
}
