package io.github.poolbench.site;

import java.util.List;

/**
 * A table of results as templates see it: the rows behind a chart, or a lesson's results block.
 *
 * @param paramColumns  headings of the leading columns (params, series, x)
 * @param metricColumns secondary metrics present in any row, e.g. {@code gc.alloc.rate.norm}
 * @param source        {@code machine/run} the numbers come from
 * @param dataHref      the JMH JSON behind them, relative to the page
 */
public record TableView(String title, List<String> paramColumns, List<String> metricColumns, List<Row> rows,
                        String source, String dataHref) {

    /**
     * One result.
     *
     * @param speedup  how many times faster than the sequential baseline, with a verdict when the
     *                 confidence intervals overlap; empty without a baseline
     * @param warnings where the measurement is weak (one fork, NaN error, few samples)
     */
    public record Row(List<String> params, String score, String error, String unit, int samples, String speedup,
                      List<String> metrics, List<String> warnings) {
        public Row {
            params = List.copyOf(params);
            metrics = List.copyOf(metrics);
            warnings = List.copyOf(warnings);
        }
    }

    public TableView {
        paramColumns = List.copyOf(paramColumns);
        metricColumns = List.copyOf(metricColumns);
        rows = List.copyOf(rows);
    }

    /** True when there is a baseline to compare with. */
    public boolean hasSpeedup() {
        return rows.stream().anyMatch(row -> !row.speedup().isEmpty());
    }

    /** True when any row has a weakness to show. */
    public boolean hasWarnings() {
        return rows.stream().anyMatch(row -> !row.warnings().isEmpty());
    }
}
