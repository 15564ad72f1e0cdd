package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Sample;
import io.github.poolbench.results.Selection;
import io.github.poolbench.results.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Everything one chart draws, in the y axis's terms, and nothing the renderer has to look up: so
 * equal data draws equal pixels, and {@link #cacheKey()} can stand for the picture. This is the
 * layout ({@link #build}: axes, intervals, ideal and baseline); which results a lesson's chart
 * shows is {@link ChartQuery}'s.
 *
 * @param categorical the x values are names, not numbers: drawn as points without lines
 * @param unit        the unit the y values are in, as a reader sees it ({@code µs/op}, not {@code us/op})
 * @param logX        the x values form a geometric sweep (1, 2, 4, 8…): drawn on a log axis
 * @param logY        the values span more than {@link #LOG_Y_SPAN} times: drawn on a log axis
 * @param baseline    the sequential baseline as a horizontal line, when there is one to draw
 * @param ideal       the best a pool could do, when the chart asks for one
 * @param cores       the machine's core count, marked on a numeric x axis of a chart of computing work
 * @param xMark       a labelled x to mark with a vertical line: on a chart by chunk size, the chunk size
 *                    {@code map} picks by itself for the charted job (which may fall between measured points)
 * @param notes       short sentences for the caption: how the ideal was found, how the axes are
 *                    drawn, what is missing
 */
public record ChartData(
        String title,
        String xLabel,
        String yLabel,
        String unit,
        ChartSpec.YAxis y,
        boolean categorical,
        boolean logX,
        boolean logY,
        List<Series> series,
        Optional<Reference> baseline,
        Optional<Series> ideal,
        OptionalInt cores,
        Optional<XMark> xMark,
        List<String> notes)
        implements Drawing {

    /** A vertical line at {@code x}, labelled. */
    public record XMark(double x, String label) {}

    /** The benchmark param that a chart by chunk size has on its x axis. */
    static final String CHUNK_SIZE = "chunkSize";

    /** A time chart whose values span more than this many times gets a log y axis. */
    public static final double LOG_Y_SPAN = 10;

    /** One measured point: y and its 99.9 % confidence interval, in the y axis's terms. */
    public record Point(
            double x, String xText, double y, double lower, double upper, Optional<BenchmarkResult> result) {}

    /** One line of the chart. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    /** A horizontal line, e.g. the sequential baseline. */
    public record Reference(String label, double y, BenchmarkResult result) {}

    /** One result placed on a chart: which line, which x. */
    public record Entry(String series, String xText, BenchmarkResult result) {}

    public ChartData {
        series = List.copyOf(series);
        notes = List.copyOf(notes);
    }

    /** Every result drawn, in series then x order. */
    public List<BenchmarkResult> results() {
        return series.stream()
                .flatMap(s -> s.points().stream())
                .flatMap(p -> p.result().stream())
                .toList();
    }

    /** The baseline's result, when the chart has one. */
    public Optional<BenchmarkResult> baselineResult() {
        return baseline.map(Reference::result);
    }

    /** Lays out entries as a chart: y transformed, series and x in a stable order, ideal and baseline added. */
    public static ChartData build(
            String title,
            String xLabel,
            ChartSpec.YAxis y,
            ChartSpec.Ideal idealAsked,
            List<Entry> entries,
            Optional<BenchmarkResult> baseline,
            OptionalInt cores,
            Location location) {
        BenchmarkResult sample = entries.getFirst().result();
        String unit = sample.primary().unit();
        List<String> units = entries.stream()
                .map(e -> e.result().primary().unit())
                .distinct()
                .toList();
        if (units.size() > 1) {
            throw new InputException(
                    location, "cannot chart scores in different units together: " + String.join(", ", units));
        }
        if (y != ChartSpec.YAxis.TIME && baseline.isEmpty()) {
            throw new InputException(
                    location,
                    "y: " + y.name().toLowerCase(java.util.Locale.ROOT) + " needs a sequential baseline, but '"
                            + sample.className() + "' has no 'sequential' method and no param value SEQUENTIAL");
        }
        List<String> xTexts =
                Selection.sortedValues(entries.stream().map(Entry::xText).toList());
        boolean categorical = !xTexts.stream().allMatch(Selection::isNumber);
        if (categorical && y == ChartSpec.YAxis.EFFICIENCY) {
            throw new InputException(
                    location,
                    "y: efficiency needs a numeric x (the number of workers), but '" + xLabel + "' has values "
                            + String.join(", ", xTexts));
        }
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        for (String name :
                Selection.sortedValues(entries.stream().map(Entry::series).toList())) {
            lines.put(name, new ArrayList<>());
        }
        for (Entry entry : entries) {
            double x = categorical ? xTexts.indexOf(entry.xText()) : Double.parseDouble(entry.xText());
            double[] value = transform(
                    y,
                    entry.result().primary(),
                    Sample.of(entry.result()),
                    baseline,
                    x,
                    entry.result().higherIsBetter());
            lines.get(entry.series())
                    .add(new Point(x, entry.xText(), value[0], value[1], value[2], Optional.of(entry.result())));
        }
        List<Series> series = lines.entrySet().stream()
                .map(e -> new Series(
                        e.getKey(),
                        e.getValue().stream()
                                .sorted(java.util.Comparator.comparingDouble(Point::x))
                                .toList()))
                .toList();
        List<String> notes = new ArrayList<>();
        Optional<Series> ideal = Optional.empty();
        ChartSpec.Ideal kind = categorical ? ChartSpec.Ideal.NONE : IdealLine.resolve(idealAsked, sample);
        if (kind != ChartSpec.Ideal.NONE) {
            ideal = idealSeries(kind, y, entries, xTexts, baseline, cores, location);
            ideal.ifPresent(line -> notes.add(IdealLine.describe(kind, sample, xLabel, cores)));
        }
        Optional<Reference> reference = baseline.flatMap(base -> switch (y) {
            case TIME -> Optional.of(new Reference("sequential", base.primary().score(), base));
            case SPEEDUP -> Optional.of(new Reference("sequential", 1.0, base));
            case EFFICIENCY -> Optional.<Reference>empty();
        });
        boolean log = !categorical
                && geometric(xTexts.stream().map(Double::parseDouble).toList());
        Units.Shown shown = y == ChartSpec.YAxis.TIME
                ? Units.readable(
                        unit,
                        series.stream()
                                .flatMap(s -> s.points().stream())
                                .mapToDouble(p -> Math.abs(p.y()))
                                .max()
                                .orElse(0))
                : new Units.Shown(unit, 1);
        series = scaled(series, shown);
        ideal = ideal.map(line -> scaled(List.of(line), shown).getFirst());
        reference = reference.map(
                r -> y == ChartSpec.YAxis.TIME ? new Reference(r.label(), shown.apply(r.y()), r.result()) : r);
        boolean logY = logY(series);
        Clipped clipped = clip(series, logY);
        series = clipped.series();
        if (logY) {
            notes.add("log y axis: the values span more than " + (int) LOG_Y_SPAN + "×"
                    + (clipped.any() ? "; error bars cut at the bottom of the axis" : ""));
        } else if (clipped.any()) {
            notes.add("linear y axis: error bars cut at zero");
        }
        if (clipped.unbounded()) {
            notes.add("a bar drawn only up to its point has no upper bound: the baseline cannot be told from zero");
        }
        String yLabel = switch (y) {
            case TIME -> (sample.higherIsBetter() ? "throughput" : "time") + " (" + shown.unit() + ")";
            case SPEEDUP -> "speed-up over sequential (×)";
            case EFFICIENCY -> "efficiency (speed-up / " + xLabel + ")";
        };
        // The core count only matters where the work computes: waiting work is not bound by cores.
        OptionalInt coreMark = categorical || kind != ChartSpec.Ideal.CPU ? OptionalInt.empty() : cores;
        return new ChartData(
                title,
                xLabel,
                yLabel,
                shown.unit(),
                y,
                categorical,
                log,
                logY,
                series,
                reference,
                ideal,
                coreMark,
                categorical ? Optional.empty() : defaultChunk(xLabel, entries),
                notes);
    }

    /**
     * Where {@code map}'s own chunk size falls on a chart by chunk size, from the pool's rule and the job's
     * fixed {@code tasks} and {@code poolSize}; empty on any other chart, or when the job does not fix them.
     */
    private static Optional<XMark> defaultChunk(String xLabel, List<Entry> entries) {
        if (!xLabel.equals(CHUNK_SIZE)) {
            return Optional.empty();
        }
        List<? extends java.util.Map<String, String>> params =
                entries.stream().map(e -> e.result().params()).toList();
        List<String> tasks = params.stream().map(p -> p.get("tasks")).distinct().toList();
        List<String> workers =
                params.stream().map(p -> p.get("poolSize")).distinct().toList();
        if (tasks.size() != 1 || workers.size() != 1 || tasks.contains(null) || workers.contains(null)) {
            return Optional.empty();
        }
        try {
            int chunk = io.github.poolbench.pool.WorkerPool.defaultChunkSize(
                    Integer.parseInt(tasks.getFirst()), Integer.parseInt(workers.getFirst()));
            return Optional.of(new XMark(chunk, "map's default: " + chunk));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Series in the unit a reader sees. */
    private static List<Series> scaled(List<Series> series, Units.Shown shown) {
        if (shown.factor() == 1) {
            return series;
        }
        return series.stream()
                .map(s -> new Series(
                        s.name(),
                        s.points().stream()
                                .map(p -> new Point(
                                        p.x(),
                                        p.xText(),
                                        shown.apply(p.y()),
                                        shown.apply(p.lower()),
                                        shown.apply(p.upper()),
                                        p.result()))
                                .toList()))
                .toList();
    }

    /** True when every value is positive and the largest is more than {@link #LOG_Y_SPAN} times the smallest. */
    static boolean logY(List<Series> series) {
        double[] ys = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::y)
                .toArray();
        if (ys.length < 2 || java.util.Arrays.stream(ys).anyMatch(v -> !(v > 0) || !Double.isFinite(v))) {
            return false;
        }
        double min = java.util.Arrays.stream(ys).min().orElseThrow();
        double max = java.util.Arrays.stream(ys).max().orElseThrow();
        return max / min > LOG_Y_SPAN;
    }

    private static double floor(List<Series> series) {
        return series.stream()
                        .flatMap(s -> s.points().stream())
                        .mapToDouble(Point::y)
                        .min()
                        .orElse(1)
                / 2;
    }

    private record Clipped(List<Series> series, boolean any, boolean unbounded) {}

    /**
     * Error bars never reach below what the axis shows: zero on a linear axis (no time, rate or
     * ratio is negative), the axis floor on a log one. An unbounded upper end stops at the point.
     */
    private static Clipped clip(List<Series> series, boolean logY) {
        double floor = logY ? floor(series) : 0;
        boolean[] any = {false};
        boolean[] unbounded = {false};
        List<Series> clipped = series.stream()
                .map(s -> new Series(
                        s.name(),
                        s.points().stream()
                                .map(p -> {
                                    double lower = p.lower();
                                    double upper = p.upper();
                                    if (lower < floor) {
                                        lower = floor;
                                        any[0] = true;
                                    }
                                    if (upper == Double.POSITIVE_INFINITY) {
                                        upper = p.y();
                                        unbounded[0] = true;
                                    }
                                    return new Point(p.x(), p.xText(), p.y(), lower, upper, p.result());
                                })
                                .toList()))
                .toList();
        return new Clipped(clipped, any[0], unbounded[0]);
    }

    private static Optional<Series> idealSeries(
            ChartSpec.Ideal kind,
            ChartSpec.YAxis y,
            List<Entry> entries,
            List<String> xTexts,
            Optional<BenchmarkResult> baseline,
            OptionalInt cores,
            Location location) {
        List<Point> points = new ArrayList<>();
        for (String xText : xTexts) {
            BenchmarkResult at = entries.stream()
                    .filter(e -> e.xText().equals(xText))
                    .findFirst()
                    .orElseThrow()
                    .result();
            double x = Double.parseDouble(xText);
            OptionalDouble score;
            try {
                score = IdealLine.score(kind, x, at, baseline, cores, location);
            } catch (NumberFormatException e) {
                throw new InputException(location, "ideal: the task count and time must be numbers in " + at.params());
            }
            if (score.isEmpty()) {
                return Optional.empty();
            }
            double ideal = score.getAsDouble();
            Metric exact = new Metric(ideal, 0, ideal, ideal, at.primary().unit(), List.of());
            double value = transform(y, exact, Sample.constant(ideal), baseline, x, at.higherIsBetter())[0];
            points.add(new Point(x, xText, value, value, value, Optional.empty()));
        }
        return Optional.of(new Series("ideal", points));
    }

    /**
     * The y value and its interval: JMH's interval for a score, and for a speed-up the ratio's own
     * 99.9 % Fieller interval, as everywhere else on the site.
     */
    static double[] transform(
            ChartSpec.YAxis y,
            Metric metric,
            Sample sample,
            Optional<BenchmarkResult> baseline,
            double x,
            boolean rate) {
        if (y == ChartSpec.YAxis.TIME) {
            return new double[] {metric.score(), low(metric), high(metric)};
        }
        BenchmarkResult base = baseline.orElseThrow();
        RatioInterval speedup = Ratio.speedup(sample, Sample.of(base), rate).interval();
        double per = y == ChartSpec.YAxis.EFFICIENCY ? x : 1;
        double ratio = speedup.ratio();
        // no interval (a NaN error): the bar collapses onto the point, as for scores
        double lower = speedup.isKnown() ? speedup.lower() : ratio;
        double upper = speedup.isKnown() ? speedup.upper() : ratio;
        return new double[] {ratio / per, lower / per, upper / per};
    }

    private static double low(Metric metric) {
        return metric.hasError() && Double.isFinite(metric.lower()) ? metric.lower() : metric.score();
    }

    private static double high(Metric metric) {
        return metric.hasError() && Double.isFinite(metric.upper()) ? metric.upper() : metric.score();
    }

    /** 1, 2, 4, 8… or 1, 10, 100: at least three positive values with one constant ratio. */
    static boolean geometric(List<Double> xs) {
        if (xs.size() < 3 || xs.getFirst() <= 0) {
            return false;
        }
        double ratio = xs.get(1) / xs.get(0);
        if (ratio < 1.5) {
            return false;
        }
        for (int i = 2; i < xs.size(); i++) {
            if (Math.abs(xs.get(i) / xs.get(i - 1) - ratio) > ratio * 0.01) {
                return false;
            }
        }
        return true;
    }

    /**
     * A text that determines every pixel: equal keys draw equal PNGs. Results are left out, only
     * the numbers drawn from them count.
     */
    @Override
    public String cacheKey() {
        StringBuilder key = new StringBuilder();
        CacheKeys.appendLine(key, '|', title, xLabel, yLabel, y, categorical, logX, logY, cores, xMark);
        for (Series line : series) {
            appendSeries(key, line);
        }
        ideal.ifPresent(line -> appendSeries(key, line));
        baseline.ifPresent(b -> key.append("baseline ")
                .append(b.label())
                .append(' ')
                .append(b.y())
                .append('\n'));
        return key.toString();
    }

    private static void appendSeries(StringBuilder key, Series line) {
        key.append("series ").append(line.name()).append('\n');
        for (Point p : line.points()) {
            CacheKeys.appendLine(key, ' ', p.x(), p.xText(), p.y(), p.lower(), p.upper());
        }
    }
}
