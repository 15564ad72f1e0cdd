package io.github.poolbench.history;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Units;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code trend.html} and its charts from a history folder: the part of the site build that
 * {@code SiteBuilder} hands over when a history folder is given.
 */
public final class TrendPage {

    /** The page, relative to the site root. */
    public static final String PATH = "trend.html";

    /** What the template shows of one machine. */
    public record MachineView(String machine, int recorded, int shown, String first, String last,
                              List<ChangeRow> changes, List<Figure> figures, int uncharted) {}

    /** The newest change of one series. */
    public record ChangeRow(String series, String mode, String verdict, String css, String change,
                            String previous, String previousCommit, String latest, String latestCommit) {}

    /** One chart and the numbers behind it. */
    public record Figure(String title, String src, String alt, int width, int height, List<PointRow> points) {}

    /** One run's score of a charted series. */
    public record PointRow(String commit, String measuredAt, String score, String unit, String verdict, String css) {}

    private TrendPage() {}

    /**
     * Loads the newest {@link Trend#WINDOW} runs of each machine under {@code history}, draws
     * their charts under {@code site} and writes the page; returns the number of charts drawn.
     */
    public static int write(Path history, Path site, Templates templates, Diagnostics diagnostics) {
        Trend trend = Trend.of(HistoryStore.load(history, Trend.WINDOW, diagnostics));
        List<MachineView> machines = new ArrayList<>();
        int charts = 0;
        for (Trend.Machine machine : trend.machines()) {
            machines.add(view(machine, machines.size() + 1, site));
            charts += machine.charted().size();
        }
        String html = templates.render("trend.ftlh", Map.of("root", "", "machines", machines,
                "window", Trend.WINDOW, "maxCharts", Trend.MAX_CHARTS));
        try {
            Files.writeString(site.resolve(PATH), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + site.resolve(PATH), e);
        }
        return charts;
    }

    private static MachineView view(Trend.Machine machine, int number, Path site) {
        List<RunSummary> runs = machine.runs();
        List<ChangeRow> changes = machine.series().stream().map(series -> changeRow(series, runs)).toList();
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < machine.charted().size(); i++) {
            Trend.Series series = machine.charted().get(i);
            // Numbered, not named after the series: params can hold any characters, a file name cannot.
            String png = "charts/trend/" + number + "-" + slug(machine.machine()) + "-" + (i + 1) + ".png";
            TrendChart.render(series, runs, site.resolve(png));
            figures.add(new Figure(series.key().label(), png, altText(series, runs), TrendChart.WIDTH,
                    TrendChart.HEIGHT, series.points().stream().map(point -> pointRow(point, runs)).toList()));
        }
        return new MachineView(machine.machine(), machine.recorded(), runs.size(), describe(runs.getFirst()),
                describe(runs.getLast()), changes, figures, machine.series().size() - figures.size());
    }

    private static ChangeRow changeRow(Trend.Series series, List<RunSummary> runs) {
        Trend.Point last = series.points().getLast();
        Trend.Point before = series.points().get(series.points().size() - 2);
        Change change = series.latest();
        return new ChangeRow(series.key().label(), series.key().mode(), change.verdict().label(), css(change.verdict()),
                percent(change.relative()) + change.ratio().filter(RatioInterval::isBounded)
                        .map(r -> " (" + percent(r.lower() - 1) + " to " + percent(r.upper() - 1) + ")").orElse(""),
                withError(before.score()), runs.get(before.run()).shortCommit(),
                withError(last.score()), runs.get(last.run()).shortCommit());
    }

    private static PointRow pointRow(Trend.Point point, List<RunSummary> runs) {
        RunSummary run = runs.get(point.run());
        Verdict verdict = point.change().map(Change::verdict).orElse(null);
        return new PointRow(run.shortCommit(), readable(run.measuredAt()), withError(point.score()), Units.readable(point.score().unit(), 0).unit(),
                verdict == null ? "first run shown" : verdict.label(), verdict == null ? "" : css(verdict));
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
        long regressions = series.points().stream().filter(p -> p.change().map(c -> c.verdict() == Verdict.REGRESSION).orElse(false)).count();
        long improvements = series.points().stream().filter(p -> p.change().map(c -> c.verdict() == Verdict.IMPROVEMENT).orElse(false)).count();
        return series.key().label() + " over " + series.points().size() + " runs: " + significant(first.score().score())
                + " " + first.score().unit() + " at " + runs.get(first.run()).shortCommit() + " to "
                + significant(last.score().score()) + " " + last.score().unit() + " at " + runs.get(last.run()).shortCommit()
                + "; " + regressions + " regression(s) and " + improvements + " improvement(s) flagged.";
    }

    private static String css(Verdict verdict) {
        return "verdict-" + verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code 301.2 ± 1.4}: as many decimals as the error's second significant digit needs. */
    static String withError(Score score) {
        if (!score.hasErrorEstimate() || score.error() == 0) {
            return significant(score.score()) + " ± ?";
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(score.error()))));
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", score.score(), score.error());
    }

    static String percent(double relative) {
        return Double.isFinite(relative) ? String.format(Locale.ROOT, "%+.1f %%", relative * 100) : "n/a";
    }

    private static String significant(double value) {
        return Double.isFinite(value)
                ? new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString()
                : "NaN";
    }

    /** A machine id as a file name: letters, digits, dot, dash and underscore. */
    private static String slug(String machine) {
        return machine.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
