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
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import io.github.poolbench.results.Sample;
import io.github.poolbench.results.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Weaves results into lessons: turns each {@link ResultBlock} into the HTML that replaces its
 * placeholder. A {@code chart} block becomes a picture with its data table, a {@code results}
 * block a table, a {@code value} (an inline {@code {% measured … %}}) a number with its unit
 * and error, and a {@code compare} (an inline {@code {% compare … %}}) a verdict with its ratio.
 */
final class ResultWeaver {

    private final QuoteRule rule;
    private final Templates templates;
    private final ChartViews charts;
    private final Diagnostics diagnostics;
    /** The runs each lesson quotes, by page path, for the banner that says when one is not of publication grade. */
    private final Map<String, java.util.Set<ResultRun>> quoted = new java.util.LinkedHashMap<>();

    private String page = "";

    /**
     * @param rule        which run lessons quote ({@link QuoteRule} owns that)
     * @param diagnostics where a claim the data does not back is reported
     */
    ResultWeaver(QuoteRule rule, Templates templates, ChartViews charts, Diagnostics diagnostics) {
        this.rule = rule;
        this.templates = templates;
        this.charts = charts;
        this.diagnostics = diagnostics;
    }

    /** A weaver quoting {@code machine}'s newest complete run, or the reference when none is named. */
    ResultWeaver(
            ResultSet results,
            Optional<String> machine,
            Templates templates,
            ChartViews charts,
            Diagnostics diagnostics) {
        this(QuoteRule.of(results, machine, Optional.empty(), diagnostics), templates, charts, diagnostics);
    }

    /**
     * The HTML for one block of a lesson; its charts are queued to be drawn under {@code site}.
     * What the quoted run did not measure becomes a note saying so, with a warning.
     *
     * @param root the relative path from the lesson's page to the site root
     * @throws InputException naming the block's line when it is wrong in the source
     */
    String resolve(ResultBlock block, Lesson lesson, Path site, String root) {
        page = lesson.path();
        Consumer<ResultRun> check = check(block);
        if (block.kind() == ResultBlock.Kind.COMPARE) {
            CompareTag tag = CompareTag.parse(block.body(), block.location());
            if (!tag.first().machine().equals(tag.second().machine())) {
                return acrossMachines(tag, block.location())
                        .map(verdict -> templates.render("partials/verdict.ftlh", verdict))
                        .orElseGet(() -> notMeasured(block, check));
            }
        }
        Optional<ResultRun> run = rule.resolve(tag(block), machine(block), block.location(), check);
        if (run.isEmpty()) {
            return notMeasured(block, check);
        }
        return switch (block.kind()) {
            case CHART ->
                templates.render("partials/chart.ftlh", Map.of("chart", chart(block, lesson, site, root, run.get())));
            case RESULTS ->
                templates.render("partials/results-table.ftlh", Map.of("table", table(block, root, run.get())));
            case VALUE -> templates.render("partials/measured.ftlh", value(block, run.get()));
            case COMPARE -> templates.render("partials/verdict.ftlh", compare(block, run.get()));
        };
    }

    /** The note in place of what the quoted run did not measure, naming the profile that does. */
    private String notMeasured(ResultBlock block, Consumer<ResultRun> check) {
        return templates.render(
                "partials/not-measured.ftlh",
                Map.of(
                        "block",
                        block.kind() == ResultBlock.Kind.CHART || block.kind() == ResultBlock.Kind.RESULTS,
                        "text",
                        QuoteRule.NOT_MEASURED,
                        "command",
                        QuoteRule.measuring(check).map(QuoteRule::command).orElse(""),
                        "title",
                        "the quoted run, "
                                + rule.quoted().map(ResultWeaver::source).orElse("") + ", has no result for this"));
    }

    private static String tag(ResultBlock block) {
        return switch (block.kind()) {
            case CHART -> "chart";
            case RESULTS -> "results";
            case VALUE -> "measured";
            case COMPARE -> "compare";
        };
    }

    /** The machine a block names for itself (a compare's first side's, which here is also its second's). */
    private static Optional<String> machine(ResultBlock block) {
        return switch (block.kind()) {
            case CHART ->
                ChartSpec.parse("chart", block.body(), block.location()).machine();
            case RESULTS ->
                ChartSpec.parse("results", block.body(), block.location()).machine();
            case VALUE -> MeasuredValue.parse(block.body(), block.location()).machine();
            case COMPARE ->
                CompareTag.parse(block.body(), block.location()).first().machine();
        };
    }

    /**
     * What a block needs of a run, as a check that throws {@link InputException} when the run
     * cannot answer it: the same check for a real run, the reference and a profile's plan.
     */
    static Consumer<ResultRun> check(ResultBlock block) {
        return switch (block.kind()) {
            case CHART -> {
                ChartSpec spec = ChartSpec.parse("chart", block.body(), block.location());
                yield r -> ChartData.select(spec, r);
            }
            case RESULTS -> {
                ChartSpec spec = ChartSpec.parse("results", block.body(), block.location());
                yield r -> {
                    List<BenchmarkResult> selected = spec.selection().apply(r);
                    spec.selection().requireParams(selected, spec.namedParams());
                    spec.title().ifPresent(t -> spec.selection().fill(t, selected));
                };
            }
            case VALUE -> {
                MeasuredValue value = MeasuredValue.parse(block.body(), block.location());
                yield value.show() == MeasuredValue.Show.PARAM
                        ? r -> paramValue(value, r)
                        : r -> single(value.selection(), r, "measured", Map.of());
            }
            case COMPARE -> {
                CompareTag tag = CompareTag.parse(block.body(), block.location());
                yield r -> sides(tag, r, r, block.location());
            }
        };
    }

    private ChartView chart(ResultBlock block, Lesson lesson, Path site, String root, ResultRun run) {
        ChartSpec spec = ChartSpec.parse("chart", block.body(), block.location());
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

    private TableView table(ResultBlock block, String root, ResultRun run) {
        ChartSpec spec = ChartSpec.parse("results", block.body(), block.location());
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
                .map(t -> spec.selection().fill(t, selected))
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

    private Map<String, Object> value(ResultBlock block, ResultRun run) {
        MeasuredValue value = MeasuredValue.parse(block.body(), block.location());
        if (value.show() == MeasuredValue.Show.PARAM) {
            return Map.of(
                    "text",
                    paramValue(value, quote(run)),
                    "title",
                    value.param().orElseThrow() + " of " + value.selection().benchmark() + " in machine "
                            + source(run));
        }
        BenchmarkResult result = single(value.selection(), quote(run), "measured", Map.of());
        String text = switch (value.show()) {
            case SCORE -> Quantities.measured(metric(value, result));
            case SPEEDUP -> speedup(result, run, block.location());
            case RATIO_TO_IDEAL -> Verdicts.ratio(ratioToIdeal(value, result, run, block.location())) + " the ideal";
            case IDEAL ->
                Quantities.value(
                        ideal(value, result, run, block.location()),
                        result.primary().unit());
            case PARAM -> throw new IllegalStateException("handled above");
        };
        String title = describe(result, run) + "; "
                + switch (value.show()) {
                    case SCORE -> "± is the 99.9 % confidence interval";
                    case SPEEDUP, RATIO_TO_IDEAL -> "in brackets the ratio's 99.9 % confidence interval (Fieller)";
                    case IDEAL -> "worked out from the params";
                    case PARAM -> throw new IllegalStateException("handled above");
                };
        return Map.of("text", text, "title", title);
    }

    /**
     * A claim checked against the data: both sides resolved, the speed-up of the first over the
     * second with its interval, and a warning at the tag's line when the verdict is not the one the
     * author expected (an error under {@code --strict}).
     */
    private Map<String, Object> compare(ResultBlock block, ResultRun run) {
        CompareTag tag = CompareTag.parse(block.body(), block.location());
        return verdict(tag, quote(run), run, block.location());
    }

    /**
     * A comparison whose sides name different machines: each side on its own machine's newest
     * complete run (a tag that names its machines gets exactly those, errors included).
     */
    private Optional<Map<String, Object>> acrossMachines(CompareTag tag, Location location) {
        Optional<ResultRun> firstRun = rule.resolve(
                "compare",
                tag.first().machine(),
                location,
                r -> single(tag.first().selection(), r, "compare", Map.of()));
        if (firstRun.isEmpty()) {
            return Optional.empty();
        }
        BenchmarkResult first = single(tag.first().selection(), firstRun.get(), "compare", Map.of());
        return rule.resolve(
                        "compare",
                        tag.second().machine(),
                        location,
                        r -> single(tag.second().selection(), r, "compare", first.params()))
                .map(secondRun -> verdict(tag, quote(firstRun.get()), quote(secondRun), location));
    }

    private Map<String, Object> verdict(CompareTag tag, ResultRun firstRun, ResultRun secondRun, Location location) {
        Sides picked = sides(tag, firstRun, secondRun, location);
        BenchmarkResult first = picked.first();
        BenchmarkResult second = picked.second();
        Ratio ratio = Ratio.speedup(first, second);
        String text = Verdicts.sentence(ratio);
        String sides = describe(first, firstRun) + " vs " + describe(second, secondRun);
        if (ratio.verdict() != tag.expect()) {
            diagnostics.warn(
                    location,
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

    /** The value a {@code show=param} tag states: its param's one value among the results it names. */
    private static String paramValue(MeasuredValue value, ResultRun run) {
        return value.selection().one(value.selection().apply(run), value.param().orElseThrow());
    }

    /** The two results a comparison sets against each other, both from one run. */
    private record Sides(BenchmarkResult first, BenchmarkResult second) {}

    /**
     * Both sides of {@code tag} on {@code run}: the second narrowed by the first's params where it
     * leaves one open, each side one result, the two distinct and measured alike.
     */
    private static Sides sides(CompareTag tag, ResultRun firstRun, ResultRun secondRun, Location location) {
        BenchmarkResult first = single(tag.first().selection(), firstRun, "compare", Map.of());
        BenchmarkResult second = single(tag.second().selection(), secondRun, "compare", first.params());
        if (first == second) {
            throw new InputException(
                    location,
                    "compare: both sides pick the same result, " + describe(first, firstRun)
                            + "; give the second side a param value of its own");
        }
        if (!first.mode().equals(second.mode())
                || !first.primary().unit().equals(second.primary().unit())) {
            throw new InputException(
                    location,
                    "compare: the sides are measured differently (" + first.mode() + ", "
                            + first.primary().unit() + " against " + second.mode() + ", "
                            + second.primary().unit()
                            + "); compare results of one mode and unit");
        }
        return new Sides(first, second);
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
        return Verdicts.speedup(Ratio.speedup(result, baseline), "sequential");
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

    /** The runs the page at {@code path} quotes, in order of first use. */
    List<ResultRun> quoted(String path) {
        return List.copyOf(quoted.getOrDefault(path, java.util.Set.of()));
    }

    static String source(ResultRun run) {
        return run.machineId() + "/" + run.runId();
    }
}
