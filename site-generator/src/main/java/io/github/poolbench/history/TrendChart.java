package io.github.poolbench.history;

import io.github.poolbench.results.Units;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws one series across runs as a PNG: the score with its 99.9 % interval at each commit, and a
 * marker on every change flagged as a regression or an improvement. Kept apart from the lesson
 * charts on purpose: a trend's x axis is commits, not a parameter.
 */
final class TrendChart {

    /** CSS pixels; the PNG has twice as many for high-DPI screens. */
    static final int WIDTH = 720;
    static final int HEIGHT = 320;

    private static final Font TITLE = new Font("DejaVu Sans", Font.BOLD, 14);
    private static final Color LINE = new Color(0x0B5CAD);
    private static final Color WORSE = new Color(0xC62828);
    private static final Color BETTER = new Color(0x2E7D32);

    private TrendChart() {}

    /** Writes the chart of {@code series}, whose x axis labels every run of the machine by commit. */
    static void render(Trend.Series series, List<RunSummary> runs, Path png) {
        JFreeChart chart = chart(series, runs);
        try {
            Files.createDirectories(png.getParent());
            try (OutputStream out = Files.newOutputStream(png)) {
                ChartUtils.writeBufferedImageAsPNG(out, chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
    }

    private static JFreeChart chart(Trend.Series series, List<RunSummary> runs) {
        YIntervalSeries scores = new YIntervalSeries("score ± 99.9 % interval");
        XYSeries regressions = new XYSeries("regression");
        XYSeries improvements = new XYSeries("improvement");
        for (Trend.Point point : series.points()) {
            Score score = point.score();
            scores.add(point.run(), score.score(), score.hasErrorEstimate() ? score.lower() : score.score(),
                    score.hasErrorEstimate() ? score.upper() : score.score());
            Verdict verdict = point.change().map(Change::verdict).orElse(Verdict.WITHIN_NOISE);
            if (verdict == Verdict.REGRESSION) {
                regressions.add(point.run(), score.score());
            } else if (verdict == Verdict.IMPROVEMENT) {
                improvements.add(point.run(), score.score());
            }
        }
        SymbolAxis commits = new SymbolAxis("commit", runs.stream().map(RunSummary::shortCommit).toArray(String[]::new));
        commits.setVerticalTickLabels(true);
        commits.setGridBandsVisible(false);
        NumberAxis values = new NumberAxis(series.key().mode() + " (" + Units.readable(series.key().unit(), 0).unit() + ", "
                + (series.key().higherIsBetter() ? "higher" : "lower") + " is better)");
        values.setAutoRangeIncludesZero(false);

        XYErrorRenderer line = new XYErrorRenderer();
        line.setDefaultLinesVisible(true);
        line.setDefaultShapesVisible(true);
        line.setSeriesPaint(0, LINE);
        line.setErrorPaint(LINE);
        line.setErrorStroke(new BasicStroke(1.2f));
        XYPlot plot = new XYPlot(new YIntervalSeriesCollection(), commits, values, line);
        ((YIntervalSeriesCollection) plot.getDataset()).addSeries(scores);

        XYSeriesCollection flags = new XYSeriesCollection();
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        for (XYSeries flagged : List.of(regressions, improvements)) {
            if (!flagged.isEmpty()) {
                boolean worse = flagged == regressions;
                marks.setSeriesPaint(flags.getSeriesCount(), worse ? WORSE : BETTER);
                marks.setSeriesShape(flags.getSeriesCount(), worse ? ShapeUtils.createDownTriangle(6f) : ShapeUtils.createUpTriangle(6f));
                flags.addSeries(flagged);
            }
        }
        // The flags draw over the line, so a flagged point is never hidden behind its error bar.
        plot.setDataset(1, flags);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));

        JFreeChart chart = new JFreeChart(series.key().label(), TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }
}
