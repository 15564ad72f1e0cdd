/**
 * Charts of results: a {@link io.github.poolbench.chart.ChartSpec} read from a lesson's chart
 * block selects {@link io.github.poolbench.chart.ChartData} from a run, which
 * {@link io.github.poolbench.chart.ChartRenderer} draws as a PNG with error bars.
 */
package io.github.poolbench.chart;
