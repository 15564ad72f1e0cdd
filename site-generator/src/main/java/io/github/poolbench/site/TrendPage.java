package io.github.poolbench.site;

import io.github.poolbench.chart.TrendData;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.history.Acknowledgement;
import io.github.poolbench.history.Acknowledgements;
import io.github.poolbench.history.Change;
import io.github.poolbench.history.ChangePoints;
import io.github.poolbench.history.Hardware;
import io.github.poolbench.history.HistoryStore;
import io.github.poolbench.history.RunSummary;
import io.github.poolbench.history.Score;
import io.github.poolbench.history.Trend;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Sample;
import io.github.poolbench.results.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code trend.html}: a history folder's trends, with their charts queued on the build's painter
 * like every other chart (light and dark, wide and narrow, cached, drawn in parallel), and the
 * changes the repository acknowledged ({@code content/history/acknowledged.yml}).
 */
public final class TrendPage {

    /** The page, relative to the site root. */
    static final String PATH = "trend.html";

    /** What the template shows of one machine. */
    public record MachineView(
            String machine,
            int recorded,
            int shown,
            String first,
            String last,
            List<HardwareRow> hardware,
            List<SegmentRow> segments,
            List<ChangeRow> changes,
            List<Figure> figures,
            int uncharted) {}

    /** One hardware the machine's runs ran on. */
    public record HardwareRow(int number, String description, int runs, boolean known) {}

    /** Consecutive runs on one hardware. */
    public record SegmentRow(int hardware, String from, String to, int runs) {}

    /** One step of one series on one hardware. */
    public record ChangeRow(
            String series,
            String mode,
            int hardware,
            String commit,
            String measuredAt,
            String verdict,
            String css,
            String change,
            String before,
            String after,
            String reason) {}

    /** One chart and the numbers behind it. */
    public record Figure(String title, Picture picture, List<PointRow> points) {}

    /** One run's score of a charted series. */
    public record PointRow(
            String commit, String measuredAt, int hardware, String score, String unit, String note, String css) {}

    private final Templates templates;
    private final ChartViews charts;

    TrendPage(Templates templates, ChartViews charts) {
        this.templates = templates;
        this.charts = charts;
    }

    /**
     * Loads the newest {@link Trend#WINDOW} runs of each machine under {@code history} and the
     * acknowledged changes of {@code content}, queues the charts and writes the page through
     * {@code write}; returns the number of charts.
     */
    int render(Path history, Path content, Path site, Diagnostics diagnostics, BiConsumer<String, String> write) {
        List<Acknowledgement> acknowledged = Acknowledgements.load(content, diagnostics);
        Trend trend = Trend.of(HistoryStore.load(history, Trend.WINDOW, diagnostics), acknowledged);
        List<MachineView> machines = new ArrayList<>();
        int count = 0;
        for (Trend.Machine machine : trend.machines()) {
            machines.add(view(machine, machines.size() + 1, site));
            count += machine.charted().size();
        }
        write.accept(
                PATH,
                templates.render(
                        "trend.ftlh",
                        Map.of(
                                "root",
                                "",
                                "machines",
                                machines,
                                "window",
                                Trend.WINDOW,
                                "minSegment",
                                ChangePoints.MIN_SEGMENT,
                                "maxCharts",
                                Trend.MAX_CHARTS)));
        return count;
    }

    private MachineView view(Trend.Machine machine, int number, Path site) {
        List<RunSummary> runs = machine.runs();
        List<HardwareRow> hardware = new ArrayList<>();
        for (int i = 0; i < machine.hardware().size(); i++) {
            Hardware one = machine.hardware().get(i);
            int index = i;
            hardware.add(new HardwareRow(
                    i + 1,
                    one.describe(),
                    (int) machine.hardwareOf().stream().filter(h -> h == index).count(),
                    one.known()));
        }
        List<SegmentRow> segments = machine.segments().stream()
                .map(segment -> new SegmentRow(
                        segment.hardware() + 1,
                        runs.get(segment.first()).shortCommit(),
                        runs.get(segment.last()).shortCommit(),
                        segment.runs()))
                .toList();
        List<ChangeRow> changes = machine.changes().stream()
                .map(change -> changeRow(change, runs))
                .toList();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < machine.charted().size(); i++) {
            Trend.Series series = machine.charted().get(i);
            // Numbered, not named after the series: params can hold any characters, a file name cannot.
            String png = "charts/trend/" + number + "-" + slug(machine.machine()) + "-" + (i + 1) + ".png";
            Picture picture = charts.picture(chart(series, machine), site, png, "", altText(series, runs));
            figures.add(new Figure(
                    series.key().label(),
                    picture,
                    series.points().stream()
                            .map(point -> pointRow(point, machine))
                            .toList()));
        }
        return new MachineView(
                machine.machine(),
                machine.recorded(),
                runs.size(),
                describe(runs.getFirst()),
                describe(runs.getLast()),
                hardware,
                segments,
                changes,
                figures,
                machine.series().size() - figures.size());
    }

    /**
     * The series across every run of the machine: a run without it leaves its commit on the axis,
     * unscored; each hardware segment is a line of its own.
     */
    static TrendData chart(Trend.Series series, Trend.Machine machine) {
        List<TrendData.Point> points = series.points().stream()
                .map(point -> {
                    Score score = point.score();
                    boolean bounded = score.hasErrorEstimate();
                    return new TrendData.Point(
                            point.run(),
                            score.score(),
                            bounded ? score.lower() : score.score(),
                            bounded ? score.upper() : score.score(),
                            machine.hardwareOf().get(point.run()),
                            mark(point));
                })
                .toList();
        String yLabel = series.key().mode() + " ("
                + Units.readable(series.key().unit(), 0).unit() + ", "
                + (series.key().higherIsBetter() ? "higher" : "lower") + " is better)";
        return new TrendData(
                series.key().label(),
                yLabel,
                machine.runs().stream().map(RunSummary::shortCommit).toList(),
                points,
                machine.segments().stream().skip(1).map(Trend.Segment::first).toList());
    }

    private static TrendData.Mark mark(Trend.Point point) {
        if (point.change().isPresent()) {
            Change change = point.change().get();
            if (change.acknowledged().isPresent()) {
                return TrendData.Mark.EXPECTED;
            }
            if (change.regression()) {
                return TrendData.Mark.REGRESSION;
            }
            if (change.improvement()) {
                return TrendData.Mark.IMPROVEMENT;
            }
        }
        return point.pending() ? TrendData.Mark.PENDING : TrendData.Mark.NONE;
    }

    private static ChangeRow changeRow(Change change, List<RunSummary> runs) {
        RunSummary at = runs.get(change.run());
        Sample before = change.step().before();
        Sample after = change.step().after();
        return new ChangeRow(
                change.key().label(),
                change.key().mode(),
                change.hardware() + 1,
                at.shortCommit(),
                readable(at.measuredAt()),
                status(change),
                statusCss(change),
                ratioText(change.ratio()),
                segmentText(before),
                segmentText(after),
                change.acknowledged().map(Acknowledgement::reason).orElse(""));
    }

    /** {@code +9.5 % (+8.1 % to +10.9 %)}: the mean after over the mean before, with its interval. */
    private static String ratioText(RatioInterval ratio) {
        return Quantities.signedPercent(ratio.ratio() - 1)
                + (ratio.isBounded()
                        ? " (" + Quantities.signedPercent(ratio.lower() - 1) + " to "
                                + Quantities.signedPercent(ratio.upper() - 1) + ")"
                        : "");
    }

    /** {@code 301.5 ± 1.0 (12 runs)}: a segment's mean with its own 99.9 % interval. */
    private static String segmentText(Sample segment) {
        return Quantities.scoreWithError(segment.mean(), segment.halfWidth()) + " (" + segment.n() + " runs)";
    }

    /** What a step is on the page: a regression or an improvement, expected, or pending. */
    static String status(Change change) {
        if (change.acknowledged().isPresent()) {
            return "expected";
        }
        if (change.pending()) {
            return "pending";
        }
        return word(change.verdict());
    }

    private static String statusCss(Change change) {
        return "verdict-" + status(change).replace(' ', '-');
    }

    private static PointRow pointRow(Trend.Point point, Trend.Machine machine) {
        RunSummary run = machine.runs().get(point.run());
        String note = "";
        String css = "";
        if (point.change().isPresent()) {
            Change change = point.change().get();
            note = status(change) + ": the step is here, " + ratioText(change.ratio());
            css = statusCss(change);
        } else if (point.pending()) {
            note = "pending";
            css = "verdict-pending";
        }
        return new PointRow(
                run.shortCommit(),
                readable(run.measuredAt()),
                machine.hardwareOf().get(point.run()) + 1,
                withError(point.score()),
                Units.readable(point.score().unit(), 0).unit(),
                note,
                css);
    }

    private static String describe(RunSummary run) {
        return run.shortCommit() + " (" + readable(run.measuredAt()) + ")";
    }

    /** {@code 2026-11-20T100000Z} as {@code 2026-11-20 10:00 UTC}; anything else as it is. */
    static String readable(String measuredAt) {
        return measuredAt.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})(\\d{2})\\d{2}Z$", "$1 $2:$3 UTC");
    }

    private static String altText(Trend.Series series, List<RunSummary> runs) {
        Trend.Point first = series.points().getFirst();
        Trend.Point last = series.points().getLast();
        long slower = count(series, Ratio.Verdict.SLOWER);
        long faster = count(series, Ratio.Verdict.FASTER);
        return series.key().label() + " over " + series.points().size() + " runs: "
                + Quantities.value(first.score().score(), first.score().unit())
                + " at " + runs.get(first.run()).shortCommit() + " to "
                + Quantities.value(last.score().score(), last.score().unit())
                + " at " + runs.get(last.run()).shortCommit()
                + "; " + slower + " run(s) flagged " + Verdicts.word(Ratio.Verdict.SLOWER) + " and " + faster + " "
                + Verdicts.word(Ratio.Verdict.FASTER) + ".";
    }

    private static long count(Trend.Series series, Ratio.Verdict verdict) {
        return series.points().stream()
                .filter(p -> p.change().map(c -> c.verdict() == verdict).orElse(false))
                .count();
    }

    /** What a verdict means between two runs of one series: the site's one word for it. */
    static String word(Ratio.Verdict verdict) {
        return Verdicts.word(verdict);
    }

    /** {@code 301.2 ± 1.4}: the site's rounding; {@code ± ?} without an error estimate. */
    private static String withError(Score score) {
        return Quantities.scoreWithError(score.score(), score.hasErrorEstimate() ? score.error() : Double.NaN);
    }

    /** A machine id as a file name: letters, digits, dot, dash and underscore. */
    private static String slug(String machine) {
        return machine.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
