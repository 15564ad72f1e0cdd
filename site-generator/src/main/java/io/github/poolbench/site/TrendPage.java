package io.github.poolbench.site;

import io.github.poolbench.chart.TrendData;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.history.Change;
import io.github.poolbench.history.HistoryStore;
import io.github.poolbench.history.RunSummary;
import io.github.poolbench.history.Score;
import io.github.poolbench.history.Trend;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * {@code trend.html}: a history folder's trends, with their charts queued on the build's painter
 * like every other chart (light and dark, wide and narrow, cached, drawn in parallel).
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
            List<ChangeRow> changes,
            List<Figure> figures,
            int uncharted) {}

    /** The newest change of one series. */
    public record ChangeRow(
            String series,
            String mode,
            String verdict,
            String css,
            String change,
            String previous,
            String previousCommit,
            String latest,
            String latestCommit) {}

    /** One chart and the numbers behind it. */
    public record Figure(String title, Picture picture, List<PointRow> points) {}

    /** One run's score of a charted series. */
    public record PointRow(String commit, String measuredAt, String score, String unit, String verdict, String css) {}

    private final Templates templates;
    private final ChartViews charts;

    TrendPage(Templates templates, ChartViews charts) {
        this.templates = templates;
        this.charts = charts;
    }

    /**
     * Loads the newest {@link Trend#WINDOW} runs of each machine under {@code history}, queues
     * their charts and writes the page through {@code write}; returns the number of charts.
     */
    int render(Path history, Path site, Diagnostics diagnostics, BiConsumer<String, String> write) {
        Trend trend = Trend.of(HistoryStore.load(history, Trend.WINDOW, diagnostics));
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
                                "maxCharts",
                                Trend.MAX_CHARTS)));
        return count;
    }

    private MachineView view(Trend.Machine machine, int number, Path site) {
        List<RunSummary> runs = machine.runs();
        List<ChangeRow> changes =
                machine.series().stream().map(series -> changeRow(series, runs)).toList();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < machine.charted().size(); i++) {
            Trend.Series series = machine.charted().get(i);
            // Numbered, not named after the series: params can hold any characters, a file name cannot.
            String png = "charts/trend/" + number + "-" + slug(machine.machine()) + "-" + (i + 1) + ".png";
            Picture picture = charts.picture(chart(series, runs), site, png, "", altText(series, runs));
            figures.add(new Figure(
                    series.key().label(),
                    picture,
                    series.points().stream().map(point -> pointRow(point, runs)).toList()));
        }
        return new MachineView(
                machine.machine(),
                machine.recorded(),
                runs.size(),
                describe(runs.getFirst()),
                describe(runs.getLast()),
                changes,
                figures,
                machine.series().size() - figures.size());
    }

    /** The series across every run of the machine: a run without it leaves its commit on the axis, unscored. */
    static TrendData chart(Trend.Series series, List<RunSummary> runs) {
        List<TrendData.Point> points = series.points().stream()
                .map(point -> {
                    Score score = point.score();
                    boolean bounded = score.hasErrorEstimate();
                    return new TrendData.Point(
                            point.run(),
                            score.score(),
                            bounded ? score.lower() : score.score(),
                            bounded ? score.upper() : score.score(),
                            point.change().map(Change::verdict));
                })
                .toList();
        String yLabel = series.key().mode() + " ("
                + Units.readable(series.key().unit(), 0).unit() + ", "
                + (series.key().higherIsBetter() ? "higher" : "lower") + " is better)";
        return new TrendData(
                series.key().label(),
                yLabel,
                runs.stream().map(RunSummary::shortCommit).toList(),
                points);
    }

    private static ChangeRow changeRow(Trend.Series series, List<RunSummary> runs) {
        Trend.Point last = series.points().getLast();
        Trend.Point before = series.points().get(series.points().size() - 2);
        Change change = series.latest();
        return new ChangeRow(
                series.key().label(),
                series.key().mode(),
                word(change.verdict()),
                css(change.verdict()),
                Quantities.signedPercent(change.relative())
                        + change.ratio()
                                .filter(RatioInterval::isBounded)
                                .map(r -> " (" + Quantities.signedPercent(r.lower() - 1) + " to "
                                        + Quantities.signedPercent(r.upper() - 1) + ")")
                                .orElse(""),
                withError(before.score()),
                runs.get(before.run()).shortCommit(),
                withError(last.score()),
                runs.get(last.run()).shortCommit());
    }

    private static PointRow pointRow(Trend.Point point, List<RunSummary> runs) {
        RunSummary run = runs.get(point.run());
        Optional<Ratio.Verdict> verdict = point.change().map(Change::verdict);
        return new PointRow(
                run.shortCommit(),
                readable(run.measuredAt()),
                withError(point.score()),
                Units.readable(point.score().unit(), 0).unit(),
                verdict.map(TrendPage::word).orElse("first run shown"),
                verdict.map(TrendPage::css).orElse(""));
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

    private static String css(Ratio.Verdict verdict) {
        return "verdict-" + word(verdict).replace(' ', '-');
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
