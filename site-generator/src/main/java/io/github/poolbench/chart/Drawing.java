package io.github.poolbench.chart;

/**
 * What the painter draws: a results chart or a trend across commits. Each holds everything its
 * picture shows, so equal drawings give equal pixels and {@link #cacheKey()} can name the PNG.
 */
public sealed interface Drawing permits ChartData, TrendData {

    /** A text that determines every pixel of the drawing. */
    String cacheKey();
}
