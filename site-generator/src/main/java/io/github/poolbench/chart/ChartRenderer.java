package io.github.poolbench.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Draws {@link ChartData} as a PNG: one line per series, error bars from the confidence interval. */
public final class ChartRenderer {

    /** CSS pixels; the PNG holds twice as many, so it stays sharp on high-DPI screens. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;
    private static final int SCALE = 2;

    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 12);

    /** Writes the chart to {@code png}, replacing any file there. */
    public void render(ChartData data, Path png) {
        JFreeChart chart = build(data);
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
        try {
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + png, e);
        }
    }

    private static JFreeChart build(ChartData data) {
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        for (ChartData.Series line : data.series()) {
            YIntervalSeries series = new YIntervalSeries(line.name());
            for (ChartData.Point point : line.points()) {
                series.add(point.x(), point.y(), finiteOr(point.lower(), point.y()), finiteOr(point.upper(), point.y()));
            }
            dataset.addSeries(series);
        }
        NumberAxis x = new NumberAxis(data.spec().x());
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("time (" + data.unit() + ")");
        y.setAutoRangeIncludesZero(true);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        data.baseline().ifPresent(baseline -> {
            ValueMarker marker = new ValueMarker(baseline.primary().score(), Color.GRAY, new BasicStroke(1.5f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("sequential");
            marker.setLabelFont(FONT);
            plot.addRangeMarker(marker);
        });
        String title = data.spec().title().orElse(data.spec().benchmark());
        JFreeChart chart = new JFreeChart(title, FONT.deriveFont(Font.BOLD, 15f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        return chart;
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }
}
