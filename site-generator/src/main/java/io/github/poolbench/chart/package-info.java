/**
 * Charts and tables of results. A {@link io.github.poolbench.chart.ChartSpec} read from a lesson's
 * {@code chart} block (a chart) or {@code results} block (a table), or an {@link
 * io.github.poolbench.chart.AutoCharts} plan for a results page, selects the results; a chart's
 * become {@link io.github.poolbench.chart.ChartData}: points with their
 * 99.9 % intervals, the sequential baseline ({@link io.github.poolbench.chart.Baselines}), the
 * ideal ({@link io.github.poolbench.chart.IdealLine}) and the core count. The trend page's
 * charts are {@link io.github.poolbench.chart.TrendData}: one series across commits.
 * {@link io.github.poolbench.chart.ChartRenderer} draws either {@link io.github.poolbench.chart.Drawing}
 * as deterministic PNGs in a light and a dark {@link io.github.poolbench.chart.Theme};
 * {@link io.github.poolbench.chart.ChartPainter}
 * draws a build's charts in parallel and skips those the content-hashed
 * {@link io.github.poolbench.chart.ChartCache} already holds.
 */
package io.github.poolbench.chart;
