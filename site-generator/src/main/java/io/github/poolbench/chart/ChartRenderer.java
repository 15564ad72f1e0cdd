package io.github.poolbench.chart;

import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.results.Ratio;
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
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link Drawing} as a PNG. {@link ChartData}: one line per series with error bars from
 * the confidence interval, the ideal as a grey dashed line, the sequential baseline and the core
 * count as markers. {@link TrendData}: the score at each run with its interval, changes for the
 * worse and for the better marked. Both in the same fonts and {@link Theme}. Thread-safe: every
 * call builds its own chart, so charts draw in parallel.
 */
public final class ChartRenderer {

    /** CSS pixels of the wide variant; the PNG holds twice as many, so it stays sharp on high-DPI screens. */
    public static final int WIDTH = 720;

    public static final int HEIGHT = 420;
    private static final int SCALE = 2;

    /**
     * A chart's drawn size and type sizes, in CSS pixels. A phone shows the wide chart at half its
     * size, which would shrink 12 px text to 6; it gets its own narrow drawing instead, whose text
     * stays at 10 px or more down to 300 px of width.
     *
     * @param suffix added to the PNG's name, e.g. {@code -narrow}
     */
    public record Size(String name, String suffix, int width, int height, float text, float title) {

        public static final Size WIDE = new Size("wide", "", WIDTH, HEIGHT, 12f, 15f);
        public static final Size NARROW = new Size("narrow", "-narrow", 360, 340, 12f, 13.5f);
        public static final List<Size> ALL = List.of(WIDE, NARROW);

        /** The viewport width below which pages serve the narrow variant. */
        public static final String NARROW_MEDIA = "(max-width: 36rem)";
    }

    /** How far apart series sit along x, as a share of the axis per series, so equal points stay apart. */
    static final double SERIES_OFFSET = 0.012;

    /**
     * Part of every cache key with the drawing classes' bytes: bump it when pixels change through
     * anything else, such as a JFreeChart upgrade.
     */
    public static final String VERSION = "4";

    private static final Font FONT = new Font("DejaVu Sans", Font.PLAIN, 12);

    private static final java.util.concurrent.atomic.AtomicBoolean WARM =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Dash patterns per series, so lines differ without colour. */
    private static final List<float[]> DASHES =
            List.of(new float[0], new float[] {7f, 4f}, new float[] {2f, 3f}, new float[] {9f, 3f, 2f, 3f});

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

    /** The wide chart as PNG bytes. */
    public byte[] render(Drawing data, Theme theme) {
        return render(data, theme, Size.WIDE);
    }

    /** The chart as PNG bytes: no time chunk and no other varying metadata, so equal data gives equal bytes. */
    public byte[] render(Drawing data, Theme theme, Size size) {
        JFreeChart chart = switch (data) {
            case ChartData results -> build(results, theme, size);
            case TrendData trend -> build(trend, theme, size);
        };
        BufferedImage image =
                new BufferedImage(size.width() * SCALE, size.height() * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } finally {
            g.dispose();
        }
        return PngEncoder.encode(image);
    }

    private static JFreeChart build(ChartData data, Theme theme, Size size) {
        Font font = FONT.deriveFont(size.text());
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<Double> xs = data.series().stream()
                .flatMap(s -> s.points().stream())
                .map(ChartData.Point::x)
                .sorted()
                .toList();
        int count = data.series().size();
        for (int i = 0; i < count; i++) {
            dataset.addSeries(toSeries(data.series().get(i), offset(data, xs, i, count)));
        }
        data.ideal().ifPresent(line -> dataset.addSeries(toSeries(line, x -> x)));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        renderer.setCapLength(size == Size.NARROW ? 4 : 6);
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
        XYPlot plot = plot(dataset, xAxis(data, theme, font), yAxis(data, theme, font), renderer, theme);
        data.baseline()
                .ifPresent(baseline -> plot.addRangeMarker(marker(
                        baseline.y(),
                        baseline.label(),
                        theme,
                        font,
                        stroke(1.5f, new float[] {2f, 4f}),
                        TextAnchor.BOTTOM_RIGHT)));
        double maxX = xs.isEmpty() ? 0 : xs.getLast();
        data.cores().ifPresent(cores -> {
            // At the right edge the label goes left of the line, or the plot's border would cut it.
            ValueMarker marker = marker(
                    cores,
                    cores + (cores == 1 ? " core" : " cores"),
                    theme,
                    font,
                    stroke(1f, new float[] {1f, 3f}),
                    cores >= maxX ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelAnchor(cores >= maxX ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        });
        data.xMark().ifPresent(mark -> {
            ValueMarker marker = marker(
                    mark.x(), mark.label(), theme, font, stroke(1.5f, new float[] {6f, 4f}), TextAnchor.TOP_LEFT);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        });
        return chart(data.title(), plot, theme, size, font);
    }

    /**
     * A trend: the score and its interval at each run, one line per hardware segment, so that a
     * line never joins runs on different hardware; a dashed rule labelled "hardware changed" between
     * segments. Steps are marked over the line, so a flagged point is never hidden by its error bar.
     */
    private static JFreeChart build(TrendData data, Theme theme, Size size) {
        Font font = FONT.deriveFont(size.text());
        int hardwareCount =
                data.points().stream().mapToInt(TrendData.Point::hardware).max().orElse(0) + 1;
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        XYErrorRenderer line = new XYErrorRenderer();
        line.setDrawXError(false);
        line.setErrorStroke(new BasicStroke(1.5f));
        line.setCapLength(size == Size.NARROW ? 4 : 6);
        // Each segment is a series of its own (so lines break); the legend names each hardware once.
        line.setLegendItemLabelGenerator((set, series) -> {
            String key = String.valueOf(set.getSeriesKey(series));
            return key.substring(0, key.lastIndexOf(" #"));
        });
        java.util.Set<Integer> named = new java.util.HashSet<>();
        YIntervalSeries segment = null;
        int segmentHardware = -1;
        int segmentStart = -1;
        for (TrendData.Point point : data.points()) {
            int start = segmentStart(data.breaks(), point.run());
            if (segment == null || start != segmentStart || point.hardware() != segmentHardware) {
                String name = hardwareCount == 1
                        ? "score ± 99.9 % interval"
                        : "hardware " + (point.hardware() + 1) + " ± 99.9 % interval";
                segment = new YIntervalSeries(name + " #" + dataset.getSeriesCount());
                segmentHardware = point.hardware();
                segmentStart = start;
                int i = dataset.getSeriesCount();
                dataset.addSeries(segment);
                line.setSeriesPaint(i, theme.seriesColor(point.hardware()));
                line.setSeriesShape(i, shape(point.hardware()));
                line.setSeriesShapesVisible(i, true);
                line.setSeriesLinesVisible(i, true);
                line.setSeriesStroke(i, stroke(2f, DASHES.get(point.hardware() % DASHES.size())));
                line.setSeriesVisibleInLegend(i, named.add(point.hardware()));
            }
            segment.add(point.run(), point.y(), finiteOr(point.lower(), point.y()), finiteOr(point.upper(), point.y()));
        }
        SymbolAxis commits = axis(new SymbolAxis("commit", data.runs().toArray(String[]::new)), theme, font);
        commits.setVerticalTickLabels(true);
        commits.setGridBandsVisible(false);
        NumberAxis values = axis(new NumberAxis(data.yLabel()), theme, font);
        values.setAutoRangeIncludesZero(false);
        XYPlot plot = plot(dataset, commits, values, line, theme);
        int labelled = -4; // the first rule is always labelled
        for (int at : data.breaks()) {
            // Alternating hardware breaks at every run: one label per few runs keeps them legible.
            boolean label = at - labelled >= 4;
            ValueMarker marker = marker(
                    at - 0.5,
                    label ? "hardware changed" : "",
                    theme,
                    font,
                    stroke(1f, new float[] {4f, 3f}),
                    TextAnchor.TOP_LEFT);
            // In the right half the label goes left of its rule, or the plot's border would cut it.
            boolean right = at > data.runs().size() / 2;
            marker.setLabelAnchor(right ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(right ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            plot.addDomainMarker(marker);
            labelled = label ? at : labelled;
        }

        XYSeriesCollection flags = new XYSeriesCollection();
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        for (TrendData.Mark kind : List.of(
                TrendData.Mark.REGRESSION,
                TrendData.Mark.IMPROVEMENT,
                TrendData.Mark.EXPECTED,
                TrendData.Mark.PENDING)) {
            XYSeries flagged = new XYSeries(
                    switch (kind) {
                        case REGRESSION -> Verdicts.word(Ratio.Verdict.SLOWER);
                        case IMPROVEMENT -> Verdicts.word(Ratio.Verdict.FASTER);
                        case EXPECTED -> "expected change";
                        default -> "pending";
                    });
            data.points().stream().filter(p -> p.mark() == kind).forEach(p -> flagged.add(p.run(), p.y()));
            if (!flagged.isEmpty()) {
                int i = flags.getSeriesCount();
                marks.setSeriesPaint(
                        i,
                        switch (kind) {
                            case REGRESSION -> theme.worse();
                            case IMPROVEMENT -> theme.better();
                            case EXPECTED -> theme.expected();
                            default -> theme.guide();
                        });
                marks.setSeriesShape(
                        i,
                        switch (kind) {
                            case REGRESSION -> ShapeUtils.createDownTriangle(6f);
                            case IMPROVEMENT -> ShapeUtils.createUpTriangle(6f);
                            case EXPECTED -> ShapeUtils.createDiamond(6f);
                            default -> new Ellipse2D.Double(-6, -6, 12, 12);
                        });
                marks.setSeriesShapesFilled(i, kind != TrendData.Mark.PENDING);
                flags.addSeries(flagged);
            }
        }
        plot.setDataset(1, flags);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart(data.title(), plot, theme, size, font);
    }

    /** The first run of the hardware segment that holds {@code run}. */
    private static int segmentStart(List<Integer> breaks, int run) {
        int start = 0;
        for (int at : breaks) {
            if (at <= run) {
                start = at;
            }
        }
        return start;
    }

    private static XYPlot plot(
            YIntervalSeriesCollection dataset, ValueAxis x, ValueAxis y, XYErrorRenderer renderer, Theme theme) {
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        plot.setBackgroundPaint(theme.background());
        plot.setOutlinePaint(theme.grid());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        return plot;
    }

    /** The title above the plot and the legend below it, in the theme's colours. */
    private static JFreeChart chart(String title, XYPlot plot, Theme theme, Size size, Font font) {
        JFreeChart chart = new JFreeChart(title, FONT.deriveFont(Font.BOLD, size.title()), plot, true);
        chart.getTitle().setPaint(theme.text());
        chart.setBackgroundPaint(theme.background());
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(theme.background());
        legend.setItemPaint(theme.text());
        legend.setItemFont(font);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    /**
     * Where series {@code index} of {@code count} draws its x: shifted a little from its
     * neighbours (multiplied on a log axis), so lines and bars that coincide stay readable.
     */
    private static java.util.function.DoubleUnaryOperator offset(
            ChartData data, List<Double> xs, int index, int count) {
        if (count < 2 || xs.isEmpty()) {
            return x -> x;
        }
        double step = index - (count - 1) / 2.0;
        if (data.logX()) {
            double factor = Math.pow(xs.getLast() / xs.getFirst(), SERIES_OFFSET * step);
            return x -> x * factor;
        }
        double span = Math.max(xs.getLast() - xs.getFirst(), 1);
        return x -> x + span * SERIES_OFFSET * step;
    }

    private static ValueAxis yAxis(ChartData data, Theme theme, Font font) {
        if (data.logY()) {
            LogAxis axis = new RoundLogAxis(data.yLabel());
            double low = data.series().stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(ChartData.Point::lower)
                    .min()
                    .orElse(1);
            low = Math.min(
                    low,
                    data.ideal().stream()
                            .flatMap(s -> s.points().stream())
                            .mapToDouble(ChartData.Point::y)
                            .filter(v -> v > 0)
                            .min()
                            .orElse(low));
            low = Math.min(
                    low,
                    data.baseline()
                            .map(ChartData.Reference::y)
                            .filter(v -> v > 0)
                            .orElse(low));
            double high = data.series().stream()
                    .flatMap(s -> s.points().stream())
                    .mapToDouble(ChartData.Point::upper)
                    .max()
                    .orElse(10);
            axis.setSmallestValue(low / 1.05);
            axis.setRange(low / 1.05, high * 1.15);
            return axis(axis, theme, font);
        }
        NumberAxis axis = axis(new NumberAxis(data.yLabel()), theme, font);
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /** A labelled guide line; the label sits on the plot's background, not in a box. */
    private static ValueMarker marker(
            double value, String label, Theme theme, Font font, Stroke stroke, TextAnchor anchor) {
        ValueMarker marker = new ValueMarker(value, theme.guide(), stroke);
        marker.setLabel(label);
        marker.setLabelFont(font);
        marker.setLabelPaint(theme.text());
        marker.setLabelBackgroundColor(new java.awt.Color(0, true));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(anchor);
        return marker;
    }

    private static ValueAxis xAxis(ChartData data, Theme theme, Font font) {
        if (data.categorical()) {
            List<String> names = data.series().stream()
                    .flatMap(s -> s.points().stream())
                    .sorted(java.util.Comparator.comparingDouble(ChartData.Point::x))
                    .map(ChartData.Point::xText)
                    .distinct()
                    .toList();
            SymbolAxis axis = new SymbolAxis(data.xLabel(), names.toArray(String[]::new));
            axis.setGridBandsVisible(false);
            return axis(axis, theme, font);
        }
        if (data.logX()) {
            List<Double> xs = data.series().stream()
                    .flatMap(s -> s.points().stream())
                    .map(ChartData.Point::x)
                    .sorted()
                    .toList();
            double ratio = xs.size() > 1 ? xs.get(xs.size() - 1) / xs.get(0) : 2;
            LogAxis axis = new LogAxis(data.xLabel());
            boolean powersOfTwo =
                    Math.abs(Math.log(ratio) / Math.log(2) - Math.rint(Math.log(ratio) / Math.log(2))) < 1e-9;
            axis.setBase(powersOfTwo ? 2 : 10);
            axis.setTickUnit(new NumberTickUnit(1));
            axis.setNumberFormatOverride(new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            axis.setSmallestValue(xs.getFirst() / 2);
            axis.setLowerMargin(0.05);
            axis.setUpperMargin(0.05);
            return axis(axis, theme, font);
        }
        NumberAxis axis = new NumberAxis(data.xLabel());
        axis.setAutoRangeIncludesZero(false);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis(axis, theme, font);
    }

    private static <A extends ValueAxis> A axis(A axis, Theme theme, Font font) {
        axis.setLabelFont(font);
        axis.setTickLabelFont(font);
        axis.setLabelPaint(theme.text());
        axis.setTickLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.guide());
        axis.setTickMarkPaint(theme.guide());
        return axis;
    }

    private static YIntervalSeries toSeries(ChartData.Series line, java.util.function.DoubleUnaryOperator xOf) {
        YIntervalSeries series = new YIntervalSeries(line.name());
        for (ChartData.Point point : line.points()) {
            series.add(
                    xOf.applyAsDouble(point.x()),
                    point.y(),
                    finiteOr(point.lower(), point.y()),
                    finiteOr(point.upper(), point.y()));
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
        return dash.length == 0
                ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    /**
     * A log axis ticked at round numbers (1, 2 and 5 times a power of ten, or powers of ten alone
     * when those crowd), where JFreeChart's own ticks land on values like 63.096.
     */
    private static final class RoundLogAxis extends LogAxis {

        private static final long serialVersionUID = 1L;

        private static final DecimalFormat LABEL =
                new DecimalFormat("#,##0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT));

        RoundLogAxis(String label) {
            super(label);
            setBase(10);
        }

        @Override
        protected List<org.jfree.chart.axis.ValueTick> refreshTicksVertical(
                Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            double lower = getRange().getLowerBound();
            double upper = getRange().getUpperBound();
            List<org.jfree.chart.axis.ValueTick> ticks = ticks(lower, upper, new double[] {1, 2, 5});
            if (ticks.size() > 10) {
                ticks = ticks(lower, upper, new double[] {1});
            }
            return ticks;
        }

        private static List<org.jfree.chart.axis.ValueTick> ticks(double lower, double upper, double[] steps) {
            List<org.jfree.chart.axis.ValueTick> ticks = new java.util.ArrayList<>();
            for (int k = (int) Math.floor(Math.log10(lower)); k <= (int) Math.ceil(Math.log10(upper)); k++) {
                for (double step : steps) {
                    double value = step * Math.pow(10, k);
                    if (value >= lower && value <= upper) {
                        ticks.add(new org.jfree.chart.axis.NumberTick(
                                org.jfree.chart.axis.TickType.MAJOR,
                                value,
                                LABEL.format(value),
                                TextAnchor.CENTER_RIGHT,
                                TextAnchor.CENTER,
                                0.0));
                    }
                }
            }
            return ticks;
        }
    }
}
