package io.github.poolbench.site;

import io.github.poolbench.chart.Baselines;
import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.chart.IdealLine;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.ResultBlock;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import io.github.poolbench.results.Sample;
import io.github.poolbench.results.Selection;
import io.github.poolbench.results.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Weaves results into lessons: turns each {@link ResultBlock} into the HTML that replaces its
 * placeholder. A {@code chart} block becomes a picture with its data table, a {@code results}
 * block a table, a {@code value} (an inline {@code {% measured … %}}) a number with its unit
 * and error, and a {@code compare} (an inline {@code {% compare … %}}) a verdict with its ratio.
 */
final class ResultWeaver {

    private final ResultSet results;
    private final Optional<String> machine;
    private final Templates templates;
    private final ChartViews charts;
    private final Diagnostics diagnostics;
    /** The runs each lesson quotes, by page path, for the banner that says when one is not of publication grade. */
    private final Map<String, java.util.Set<ResultRun>> quoted = new java.util.LinkedHashMap<>();

    private String page = "";

    /**
     * @param machine     the machine whose numbers lessons quote unless a block names another
     * @param diagnostics where a claim the data does not back is reported
     */
    ResultWeaver(
            ResultSet results,
            Optional<String> machine,
            Templates templates,
            ChartViews charts,
            Diagnostics diagnostics) {
        this.results = results;
        this.machine = machine;
        this.templates = templates;
        this.charts = charts;
        this.diagnostics = diagnostics;
    }

    /**
     * The HTML for one block of a lesson; its charts are queued to be drawn under {@code site}.
     *
     * @param root the relative path from the lesson's page to the site root
     * @throws InputException naming the block's line when it asks for something the results lack
     */
    String resolve(ResultBlock block, Lesson lesson, Path site, String root) {
        page = lesson.path();
        return switch (block.kind()) {
            case CHART -> templates.render("partials/chart.ftlh", Map.of("chart", chart(block, lesson, site, root)));
            case RESULTS -> templates.render("partials/results-table.ftlh", Map.of("table", table(block, root)));
            case VALUE -> templates.render("partials/measured.ftlh", value(block));
            case COMPARE -> templates.render("partials/verdict.ftlh", compare(block));
        };
    }

    private ChartView chart(ResultBlock block, Lesson lesson, Path site, String root) {
        ChartSpec spec = ChartSpec.parse("chart", block.body(), block.location());
        ResultRun run = firstResolving(spec.machine(), spec.benchmark(), block.location(), r -> {
            ChartData.select(spec, r);
            return r;
        });
        ChartData data = ChartData.select(spec, quote(run));
        String png = "charts/" + lesson.path().replaceFirst("\\.html$", "") + "-" + block.id() + ".png";
        return charts.view(
                "chart-" + block.id(),
                data,
                site,
                png,
                root,
                spec.series().orElse("benchmark"),
                source(run),
                root + DataFiles.href(run));
    }

    private TableView table(ResultBlock block, String root) {
        ChartSpec spec = ChartSpec.parse("results", block.body(), block.location());
        ResultRun run = firstResolving(spec.machine(), spec.benchmark(), block.location(), r -> {
            spec.selection().requireParams(spec.selection().apply(r), spec.namedParams());
            return r;
        });
        List<BenchmarkResult> selected = spec.selection().apply(quote(run));
        List<String> columns = new ArrayList<>();
        spec.series().ifPresent(columns::add);
        spec.x().filter(x -> !columns.contains(x)).ifPresent(columns::add);
        selected.stream()
                .flatMap(r -> r.params().keySet().stream())
                .distinct()
                .sorted()
                .filter(p ->
                        !columns.contains(p) && Selection.values(selected, p).size() > 1)
                .forEach(columns::add);
        Comparator<BenchmarkResult> order = (a, b) -> 0; // file order, refined column by column
        for (String column : columns) {
            List<String> values = Selection.values(selected, column);
            order = order.thenComparingInt(r -> values.indexOf(r.params().get(column)));
        }
        List<Tables.Line> lines = selected.stream()
                .sorted(order)
                .map(r -> new Tables.Line(
                        columns.isEmpty()
                                ? List.of(r.method())
                                : columns.stream()
                                        .map(c -> r.params().getOrDefault(c, ""))
                                        .toList(),
                        r))
                .toList();
        Optional<BenchmarkResult> baseline = Baselines.find(run.results(), selected, columns, spec.x());
        String title = spec.title()
                .orElse(spec.benchmark()
                        + (spec.selection().where().isEmpty()
                                ? ""
                                : " ("
                                        + Tables.params(new java.util.TreeMap<>(
                                                spec.selection().where())) + ")"));
        return Tables.table(
                title,
                columns.isEmpty() ? List.of("benchmark") : columns,
                lines,
                baseline,
                source(run),
                root + DataFiles.href(run));
    }

    private Map<String, Object> value(ResultBlock block) {
        MeasuredValue value = MeasuredValue.parse(block.body(), block.location());
        ResultRun run = firstResolving(value.machine(), value.selection().benchmark(), block.location(), r -> {
            single(value.selection(), r, "measured", Map.of());
            return r;
        });
        BenchmarkResult result = single(value.selection(), quote(run), "measured", Map.of());
        String text = switch (value.show()) {
            case SCORE -> Format.measured(metric(value, result));
            case SPEEDUP -> speedup(result, run, block.location());
            case RATIO_TO_IDEAL -> RatioText.ratio(ratioToIdeal(value, result, run, block.location())) + " the ideal";
            case IDEAL ->
                Format.significant(ideal(value, result, run, block.location()), 4) + " "
                        + Units.spoken(result.primary().unit());
        };
        String title = describe(result, run) + "; "
                + switch (value.show()) {
                    case SCORE -> "± is the 99.9 % confidence interval";
                    case SPEEDUP, RATIO_TO_IDEAL -> "in brackets the ratio's 99.9 % confidence interval (Fieller)";
                    case IDEAL -> "worked out from the params";
                };
        return Map.of("text", text, "title", title);
    }

    /**
     * A claim checked against the data: both sides resolved, the speed-up of the first over the
     * second with its interval, and a warning at the tag's line when the verdict is not the one the
     * author expected (an error under {@code --strict}).
     */
    private Map<String, Object> compare(ResultBlock block) {
        CompareTag tag = CompareTag.parse(block.body(), block.location());
        Selection left = tag.first().selection();
        ResultRun firstRun = firstResolving(tag.first().machine(), left.benchmark(), block.location(), r -> {
            single(left, r, "compare", Map.of());
            return r;
        });
        BenchmarkResult first = single(left, quote(firstRun), "compare", Map.of());
        Selection right = tag.second().selection();
        ResultRun secondRun = firstResolving(tag.second().machine(), right.benchmark(), block.location(), r -> {
            single(right, r, "compare", first.params());
            return r;
        });
        BenchmarkResult second = single(right, quote(secondRun), "compare", first.params());
        if (first == second) {
            throw new InputException(
                    block.location(),
                    "compare: both sides pick the same result, " + describe(first, firstRun)
                            + "; give the second side a param value of its own");
        }
        if (!first.mode().equals(second.mode())
                || !first.primary().unit().equals(second.primary().unit())) {
            throw new InputException(
                    block.location(),
                    "compare: the sides are measured differently (" + first.mode() + ", "
                            + first.primary().unit() + " against " + second.mode() + ", "
                            + second.primary().unit()
                            + "); compare results of one mode and unit");
        }
        Ratio ratio = Ratio.speedup(first, second);
        String text = RatioText.verdict(ratio);
        String sides = describe(first, firstRun) + " vs " + describe(second, secondRun);
        if (ratio.verdict() != tag.expect()) {
            diagnostics.warn(
                    block.location(),
                    "compare: expected " + tag.expect().word() + " but the data says "
                            + ratio.verdict().word() + " (" + text + "): " + sides);
        }
        String title = sides + "; speed-up of the first over the second with its 99.9 % confidence interval (Fieller)";
        return Map.of(
                "text",
                text,
                "title",
                title,
                "expected",
                tag.expect().word(),
                "verdict",
                ratio.verdict().word());
    }

    /** Notes that the page being resolved quotes {@code run}. */
    private ResultRun quote(ResultRun run) {
        quoted.computeIfAbsent(page, p -> new java.util.LinkedHashSet<>()).add(run);
        return run;
    }

    /**
     * Why the runs a lesson quotes are not of publication grade, one line per such run naming it;
     * empty when every run it quotes is (or it quotes none).
     */
    List<String> weakRuns(Lesson lesson) {
        return RunGrade.weak(quoted.getOrDefault(lesson.path(), java.util.Set.of()));
    }

    /** {@code SleepBenchmark.map pool=THREAD poolSize=4 (ss), machine lab-a/run}: which result, from where. */
    private static String describe(BenchmarkResult result, ResultRun run) {
        return result.shortName() + (result.params().isEmpty() ? "" : " " + Tables.params(result.params())) + " ("
                + result.mode() + "), machine " + source(run);
    }

    /**
     * The one result a tag names; several are an error that names the params left to fix.
     *
     * @param like param values that narrow the choice when several results match (the other side
     *             of a comparison), for params the selection leaves open
     */
    private static BenchmarkResult single(Selection selection, ResultRun run, String tag, Map<String, String> like) {
        List<BenchmarkResult> selected = selection.apply(run);
        if (selected.size() > 1 && !like.isEmpty()) {
            List<BenchmarkResult> narrowed = selected.stream()
                    .filter(r -> like.entrySet().stream()
                            .filter(e -> !selection.where().containsKey(e.getKey())
                                    && r.params().containsKey(e.getKey()))
                            .allMatch(e -> e.getValue().equals(r.params().get(e.getKey()))))
                    .toList();
            selected = narrowed.isEmpty() ? selected : narrowed;
        }
        if (selected.size() > 1
                && selection.where().values().stream().noneMatch(v -> v.equalsIgnoreCase(Baselines.SEQUENTIAL))) {
            selected = selected.stream()
                    .filter(r -> !Baselines.isBaselineByParam(r))
                    .toList();
        }
        if (selected.size() == 1) {
            return selected.getFirst();
        }
        List<BenchmarkResult> found = selected;
        List<String> open = found.stream()
                .flatMap(r -> r.params().keySet().stream())
                .distinct()
                .sorted()
                .filter(p -> Selection.values(found, p).size() > 1)
                .map(p -> p + " (values: " + String.join(", ", Selection.values(found, p)) + ")")
                .toList();
        throw new InputException(
                selection.location(),
                tag + ": '" + selection.benchmark() + "' matches " + found.size() + " results; fix "
                        + String.join(", ", open));
    }

    private static Metric metric(MeasuredValue value, BenchmarkResult result) {
        if (value.metric().isEmpty()) {
            return result.primary();
        }
        Metric metric = result.secondary().get(value.metric().get());
        if (metric == null) {
            throw new InputException(
                    value.selection().location(),
                    "measured: '" + result.shortName() + "' has no metric '"
                            + value.metric().get() + "' (it has: "
                            + (result.secondary().isEmpty()
                                    ? "none"
                                    : String.join(
                                            ", ",
                                            new java.util.TreeSet<>(
                                                    result.secondary().keySet())))
                            + ")");
        }
        return metric;
    }

    private static String speedup(BenchmarkResult result, ResultRun run, Location location) {
        BenchmarkResult baseline = baseline(result, run)
                .orElseThrow(() -> new InputException(
                        location,
                        "measured: show=speedup needs a sequential baseline, but '" + result.className()
                                + "' has no 'sequential' method and no param value SEQUENTIAL"));
        return RatioText.speedup(Ratio.speedup(result, baseline), "sequential");
    }

    /**
     * Measured ÷ ideal for times (ideal ÷ measured for throughput), with its interval. An ideal
     * worked out from the params alone is a constant; one derived from the sequential baseline
     * carries the baseline's own noise, so it enters the interval as a sample.
     */
    private static RatioInterval ratioToIdeal(
            MeasuredValue value, BenchmarkResult result, ResultRun run, Location location) {
        double ideal = ideal(value, result, run, location);
        Sample measured = Sample.of(result);
        Optional<BenchmarkResult> base = baseline(result, run);
        Sample idealSample = IdealLine.usesBaseline(IdealLine.resolve(value.ideal(), result), result)
                        && base.isPresent()
                ? Sample.of(base.get()).scaled(ideal / base.get().primary().score())
                : Sample.constant(ideal);
        return result.higherIsBetter() ? Ratio.fieller(idealSample, measured) : Ratio.fieller(measured, idealSample);
    }

    /** The baseline at the result's params, or failing that at any pool size. */
    private static Optional<BenchmarkResult> baseline(BenchmarkResult result, ResultRun run) {
        return Baselines.find(run.results(), List.of(result), List.of(), Optional.empty())
                .or(() -> Baselines.find(run.results(), List.of(result), List.of("poolSize"), Optional.of("poolSize")));
    }

    private static double ideal(MeasuredValue value, BenchmarkResult result, ResultRun run, Location location) {
        String size = result.params().get("poolSize");
        if (size == null || !Selection.isNumber(size)) {
            throw new InputException(
                    location,
                    "measured: show=" + value.show().word + " needs a numeric poolSize param" + " (params: "
                            + (result.params().isEmpty()
                                    ? "none"
                                    : String.join(", ", result.params().keySet())) + ")");
        }
        ChartSpec.Ideal kind = IdealLine.resolve(value.ideal(), result);
        if (kind == ChartSpec.Ideal.NONE) {
            throw new InputException(
                    location,
                    "measured: no ideal for '" + result.shortName()
                            + "': give ideal=waiting (with tasks and a *Millis param) or ideal=cpu");
        }
        OptionalDouble ideal = IdealLine.score(
                kind,
                Double.parseDouble(size),
                result,
                baseline(result, run),
                run.machineInfo().cores(),
                location);
        return ideal.orElseThrow(() -> new InputException(
                location,
                "measured: unit '" + result.primary().unit()
                        + "' is not a JMH time unit, so the ideal cannot be expressed in it"));
    }

    /**
     * Resolves a block against the first run that can answer it: the block's own machine if it
     * names one (never another), otherwise the reported machine's runs newest first, then other
     * machines' runs newest first. So a quick smoke run overlays the committed reference results
     * without hiding what it did not measure, and every chart still names the run it came from.
     * When no run answers, the error is the one from the most relevant run.
     */
    private <T> T firstResolving(
            Optional<String> asked,
            String benchmark,
            Location location,
            java.util.function.Function<ResultRun, T> resolve) {
        String machineId = asked.or(() -> machine)
                .orElseThrow(() -> new InputException(
                        location, "no results to quote: the results folder is empty (run ./poolbench bench first)"));
        if (asked.isPresent() && !results.byMachine().containsKey(machineId)) {
            throw new InputException(
                    location,
                    "no results for machine '" + machineId + "' (machines: "
                            + String.join(", ", results.byMachine().keySet()) + ")");
        }
        List<ResultRun> candidates = new ArrayList<>(results.runsNewestFirst(machineId));
        if (asked.isEmpty()) {
            results.runs().reversed().stream()
                    .filter(r -> !r.machineId().equals(machineId))
                    .forEach(candidates::add);
        }
        InputException best = null;
        boolean bestHasBenchmark = false;
        for (ResultRun candidate : candidates) {
            boolean hasBenchmark = candidate.results().stream().anyMatch(r -> r.matches(benchmark));
            try {
                return resolve.apply(candidate);
            } catch (InputException e) {
                if (best == null || hasBenchmark && !bestHasBenchmark) {
                    best = e;
                    bestHasBenchmark = hasBenchmark;
                }
            }
        }
        throw best != null ? best : new InputException(location, "no results to quote for '" + benchmark + "'");
    }

    /** The runs the page at {@code path} quotes, in order of first use. */
    List<ResultRun> quoted(String path) {
        return List.copyOf(quoted.getOrDefault(path, java.util.Set.of()));
    }

    static String source(ResultRun run) {
        return run.machineId() + "/" + run.runId();
    }
}
