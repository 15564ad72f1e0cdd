package io.github.poolbench.site;

import java.util.List;

/**
 * A table of results as templates see it: the rows behind a chart, or a lesson's results block.
 *
 * @param paramColumns  headings of the leading columns (params, series, x)
 * @param metricColumns secondary metrics present in any row, e.g. {@code gc.alloc.rate.norm}
 * @param source        {@code machine/run} the numbers come from
 * @param dataHref      the JMH JSON behind them, relative to the page
 * @param quality       one sentence on how weak the data is, for the whole table; empty when it is sound
 */
public record TableView(
        String title,
        List<String> paramColumns,
        List<String> metricColumns,
        List<Row> rows,
        String source,
        String dataHref,
        String quality) {

    /**
     * One result.
     *
     * @param speedup  how many times faster than the sequential baseline, with the ratio's interval;
     *                 empty without a baseline
     */
    public record Row(
            List<String> params,
            String score,
            String error,
            String unit,
            int samples,
            String speedup,
            List<String> metrics) {
        public Row {
            params = List.copyOf(params);
            metrics = List.copyOf(metrics);
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
}
