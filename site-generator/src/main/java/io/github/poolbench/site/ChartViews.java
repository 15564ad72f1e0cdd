package io.github.poolbench.site;

import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartPainter;
import io.github.poolbench.chart.Drawing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Queues a chart's PNGs with the painter and describes it for templates: picture, alt text, data table. */
final class ChartViews {

    private final ChartPainter painter;

    ChartViews(ChartPainter painter) {
        this.painter = painter;
    }

    /**
     * @param png           the light PNG's path under the site root, e.g. {@code charts/pools-1.png}
     * @param root          the page's way back to the site root
     * @param seriesHeading the data table's heading for the series column
     */
    ChartView view(
            String id,
            ChartData data,
            Path site,
            String png,
            String root,
            String seriesHeading,
            String source,
            String dataHref) {
        Picture picture = picture(data, site, png, root, AltText.describe(data));
        List<Tables.Line> lines = new ArrayList<>();
        data.baselineResult()
                .ifPresent(base -> lines.add(new Tables.Line(
                        List.of("sequential", base.params().getOrDefault(data.xLabel(), "")), base)));
        for (ChartData.Series series : data.series()) {
            for (ChartData.Point point : series.points()) {
                point.result()
                        .ifPresent(result -> lines.add(new Tables.Line(List.of(series.name(), point.xText()), result)));
            }
        }
        TableView table = Tables.table(
                data.title(), List.of(seriesHeading, data.xLabel()), lines, data.baselineResult(), source, dataHref);
        return new ChartView(id, data.title(), picture, table, data.notes());
    }

    /** Queues a drawing's PNGs; the picture a page shows of them. */
    Picture picture(Drawing drawing, Path site, String png, String root, String alt) {
        painter.paint(drawing, site.resolve(png));
        return Picture.of(png, root, alt);
    }
}
