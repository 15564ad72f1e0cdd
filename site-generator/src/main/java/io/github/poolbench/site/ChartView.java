package io.github.poolbench.site;

import java.util.List;

/**
 * A resolved chart block as templates see it.
 *
 * @param src  the PNG, relative to the page
 * @param alt  a description of the data, for readers who cannot see the chart
 * @param rows the data table behind the chart
 */
public record ChartView(String title, String src, String alt, int width, int height, List<Row> rows,
                        String source) {

    /** One measured point: a series at an x value. */
    public record Row(String series, String x, String score, String error, String unit, int samples,
                      String speedup) {}

    public ChartView {
        rows = List.copyOf(rows);
    }
}
