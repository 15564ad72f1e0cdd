package io.github.poolbench.results;

import java.util.List;

/**
 * One JMH metric: the score, its error (half the 99.9 % confidence interval), the interval
 * itself, and the samples behind it. Errors JMH could not compute are {@code NaN}.
 *
 * @param rawData one list of iteration scores per fork, empty when the file left them out
 */
public record Metric(double score, double error, double lower, double upper, String unit, List<List<Double>> rawData) {

    public Metric {
        rawData = rawData.stream().map(List::copyOf).toList();
    }

    /** Iterations measured in all forks; 0 when the file has no raw data. */
    public int samples() {
        return rawData.stream().mapToInt(List::size).sum();
    }

    public boolean hasError() {
        return Double.isFinite(error);
    }
}
