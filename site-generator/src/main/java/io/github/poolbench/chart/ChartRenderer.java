package io.github.poolbench.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws {@link ChartData} as a PNG: one line per series with error bars from the confidence
 * interval, the ideal as a grey dashed line, the sequential baseline and the core count as
 * markers. Thread-safe: every call builds its own chart, so charts draw in parallel.
 */
public final class ChartRenderer {

    /** CSS pixels; the PNG holds twice as many, so it stays sharp on high-DPI screens. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;
    private static final int SCALE = 2;

    /**
     * Part of every cache key with the drawing classes' bytes: bump it when pixels change through
     * anything else, such as a JFreeChart upgrade.
     */
    public static final String VERSION = "3";

    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 12);

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /** Dash patterns per series, so lines differ without colour. */
    private static final List<float[]> DASHES = List.of(new float[0], new float[] {7f, 4f}, new float[] {2f, 3f},
            new float[] {9f, 3f, 2f, 3f});

    /**
     * Fonts and Java2D's pipelines load on first use, which costs a few hundred milliseconds; a
     * build starts this on a background thread so the first real chart does not pay for it.
     */
    public static void warmUp() {
        if (WARM.getAndSet(true)) {
            return;
        }
        Thread.ofPlatform().daemon().name("poolbench-font-warm-up").start(() -> {
            BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                for (Font font : List.of(FONT, FONT.deriveFont(Font.BOLD, 15f))) {
                    g.setFont(font);
                    g.drawString("0123456789 poolSize ms/op", 0, 20);
                }
            } finally {
                g.dispose();
            }
        });
    }

    /** The chart as PNG bytes: no time chunk and no other varying metadata, so equal data gives equal bytes. */
    public byte[] render(ChartData data, Theme theme) {
        JFreeChart chart = build(data, theme);
        BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        } finally {
            g.dispose();
        }
        return PngEncoder.encode(image);
    }

    private static JFreeChart build(ChartData data, Theme theme) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (ChartData.Series line : data.series()) {
            dataset.addSeries(toSeries(line));
        }
        data.ideal().ifPresent(line -> dataset.addSeries(toSeries(line)));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setCapLength(6);
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesPaint(i, theme.seriesColor(i));
            renderer.setSeriesShape(i, shape(i));
            renderer.setSeriesShapesVisible(i, true);
            renderer.setSeriesLinesVisible(i, !data.categorical());
            renderer.setSeriesStroke(i, stroke(2f, DASHES.get(i % DASHES.size())));
        }
        if (data.ideal().isPresent()) {
            int i = data.series().size();
            renderer.setSeriesPaint(i, theme.guide());
            renderer.setSeriesShapesVisible(i, false);
            renderer.setSeriesLinesVisible(i, true);
            renderer.setSeriesStroke(i, stroke(1.5f, new float[] {5f, 5f}));
        }
        XYPlot plot = new XYPlot(dataset, xAxis(data, theme), axis(new NumberAxis(data.yLabel()), theme), renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
        plot.setBackgroundPaint(theme.background());
        plot.setOutlinePaint(theme.grid());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        data.baseline().ifPresent(baseline -> plot.addRangeMarker(marker(baseline.y(), baseline.label(), theme,
                stroke(1.5f, new float[] {2f, 4f}), TextAnchor.BOTTOM_RIGHT)));
        double maxX = data.series().stream().flatMap(s -> s.points().stream()).mapToDouble(ChartData.Point::x).max().orElse(0);
        data.cores().ifPresent(cores -> {
            // At the right edge the label goes left of the line, or the plot's border would cut it.
            ValueMarker marker = marker(cores, cores + (cores == 1 ? " core" : " cores"), theme,
                    stroke(1f, new float[] {1f, 3f}), cores >= maxX ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelAnchor(cores >= maxX ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        });
        JFreeChart chart = new JFreeChart(data.title(), FONT.deriveFont(Font.BOLD, 15f), plot, true);
        chart.getTitle().setPaint(theme.text());
        chart.setBackgroundPaint(theme.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(theme.background());
        legend.setItemPaint(theme.text());
        legend.setItemFont(FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    /** A labelled guide line; the label sits on the plot's background, not in a box. */
    private static ValueMarker marker(double value, String label, Theme theme, Stroke stroke, TextAnchor anchor) {
        ValueMarker marker = new ValueMarker(value, theme.guide(), stroke);
        marker.setLabel(label);
        marker.setLabelFont(FONT);
        marker.setLabelPaint(theme.text());
        marker.setLabelBackgroundColor(new java.awt.Color(0, true));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(anchor);
        return marker;
    }

    private static ValueAxis xAxis(ChartData data, Theme theme) {
        if (data.categorical()) {
            List<String> names = data.series().stream().flatMap(s -> s.points().stream())
                    .sorted(java.util.Comparator.comparingDouble(ChartData.Point::x))
                    .map(ChartData.Point::xText).distinct().toList();
            SymbolAxis axis = new SymbolAxis(data.xLabel(), names.toArray(String[]::new));
            axis.setGridBandsVisible(false);
            return axis(axis, theme);
        }
        if (data.logX()) {
            List<Double> xs = data.series().stream().flatMap(s -> s.points().stream()).map(ChartData.Point::x).sorted().toList();
            double ratio = xs.size() > 1 ? xs.get(xs.size() - 1) / xs.get(0) : 2;
            LogAxis axis = new LogAxis(data.xLabel());
            boolean powersOfTwo = Math.abs(Math.log(ratio) / Math.log(2) - Math.rint(Math.log(ratio) / Math.log(2))) < 1e-9;
            axis.setBase(powersOfTwo ? 2 : 10);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            axis.setSmallestValue(xs.getFirst() / 2);
            axis.setLowerMargin(0.05);
            axis.setUpperMargin(0.05);
            return axis(axis, theme);
        }
        NumberAxis axis = new NumberAxis(data.xLabel());
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis(axis, theme);
    }

    private static <A extends ValueAxis> A axis(A axis, Theme theme) {
        axis.setLabelFont(FONT);
        axis.setTickLabelFont(FONT);
        axis.setLabelPaint(theme.text());
        axis.setTickLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.guide());
        axis.setTickMarkPaint(theme.guide());
        return axis;
    }

    private static YIntervalSeries toSeries(ChartData.Series line) {
        YIntervalSeries series = new YIntervalSeries(line.name());
        for (ChartData.Point point : line.points()) {
            series.add(point.x(), point.y(), finiteOr(point.lower(), point.y()), finiteOr(point.upper(), point.y()));
        }
        return series;
    }

    /** Circle, square, triangle, diamond, down-triangle: told apart in grey too. */
    private static Shape shape(int index) {
        double s = 7;
        return switch (index % 5) {
            case 0 -> new Ellipse2D.Double(-s / 2, -s / 2, s, s);
            case 1 -> new Rectangle2D.Double(-s / 2, -s / 2, s, s);
            case 2 -> polygon(new double[] {0, s / 2 + 1, -s / 2 - 1}, new double[] {-s / 2 - 1, s / 2, s / 2});
            case 3 -> polygon(new double[] {0, s / 2 + 1, 0, -s / 2 - 1}, new double[] {-s / 2 - 1, 0, s / 2 + 1, 0});
            default -> polygon(new double[] {0, s / 2 + 1, -s / 2 - 1}, new double[] {s / 2 + 1, -s / 2, -s / 2});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        path.closePath();
        return path;
    }

    private static Stroke stroke(float width, float[] dash) {
        return dash.length == 0 ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }
}
