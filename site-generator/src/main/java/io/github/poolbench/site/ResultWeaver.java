package io.github.poolbench.site;

import io.github.poolbench.chart.Baselines;
import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartQuery;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.chart.IdealLine;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.lesson.CompareTag;
import io.github.poolbench.lesson.MeasuredValue;
import io.github.poolbench.lesson.ResultNode;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Binds a page's {@link ResultNode result nodes} to the runs they quote, through the one
 * {@link QuoteRule}, and writes each as HTML when the page renders: a {@code chart} becomes a picture
 * with its data table, a {@code results} block a table, a {@code measured} tag a number with its unit
 * and error, and a {@code compare} tag a verdict with its ratio. What a node needs of a run is worked
 * out once per run tried, and what a page quotes is fixed when it is bound ({@link Page}).
 */
final class ResultWeaver {

    private final QuoteRule rule;
    private final Templates templates;
    private final ChartViews charts;
    private final Diagnostics diagnostics;

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

    /** What a node is bound to. */
    sealed interface Bound {
        /** A chart's data, drawn when the page renders. */
        record Chart(ResultNode.Chart node, ChartData data, ResultRun run) implements Bound {}

        /** A table, a number, a verdict or the note that the quoted run did not measure it: a partial and its model. */
        record Fragment(String template, Map<String, Object> model) implements Bound {}
    }

    /** One node bound: what it shows and the runs it quotes (none when the quoted run did not measure it). */
    record Binding(Bound bound, List<ResultRun> runs) {
        Binding {
            runs = List.copyOf(runs);
        }
    }

    /**
     * A page's nodes bound to their runs, and the runs the page quotes, in order of first use (for
     * the banner that says when one is not of publication grade). A node wrong in the source has no
     * binding and renders as nothing; its error has been reported.
     */
    record Page(Map<ResultNode, Bound> bound, List<ResultRun> quoted) {
        Page {
            bound = java.util.Collections.unmodifiableMap(new IdentityHashMap<>(bound));
            quoted = List.copyOf(quoted);
        }

        /** This page's bindings and then {@code more}'s. */
        Page plus(Page more) {
            Map<ResultNode, Bound> all = new IdentityHashMap<>(bound);
            all.putAll(more.bound());
            Set<ResultRun> runs = new LinkedHashSet<>(quoted);
            runs.addAll(more.quoted());
            return new Page(all, List.copyOf(runs));
        }

        /** Why the runs the page quotes are not of publication grade, one line per such run. */
        List<String> weakRuns() {
            return RunGrade.weak(quoted);
        }

        /** How many of the page's charts are drawn or stand as a not-measured note. */
        int charts() {
            return (int) bound.keySet().stream()
                    .filter(node -> node.kind() == ResultNode.Kind.CHART)
                    .count();
        }
    }

    /**
     * Binds each node; one wrong in the source is an error at its line.
     *
     * @param root the relative path from the page to the site root
     */
    Page bind(List<ResultNode> nodes, String root) {
        Map<ResultNode, Bound> bound = new IdentityHashMap<>();
        Set<ResultRun> quoted = new LinkedHashSet<>();
        for (ResultNode node : nodes) {
            try {
                Binding binding = bind(node, root);
                bound.put(node, binding.bound());
                quoted.addAll(binding.runs());
            } catch (InputException e) {
                e.errors().forEach(diagnostics::add);
            }
        }
        return new Page(bound, List.copyOf(quoted));
    }

    /**
     * One node bound to the run it quotes. What the quoted run did not measure is bound to a note
     * saying so, with a warning.
     *
     * @throws InputException naming the node's line when it is wrong in the source
     */
    Binding bind(ResultNode node, String root) {
        return switch (node) {
            case ResultNode.Chart chart ->
                answer(node, r -> ChartQuery.select(chart.spec(), r))
                        .map(a -> new Binding(new Bound.Chart(chart, a.value(), a.run()), List.of(a.run())))
                        .orElseGet(() -> notMeasured(node));
            case ResultNode.Table table ->
                answer(node, r -> selected(table.spec(), r))
                        .map(a -> fragment(
                                "partials/results-table.ftlh",
                                Map.of("table", table(table.spec(), root, a.run(), a.value())),
                                a.run()))
                        .orElseGet(() -> notMeasured(node));
            case ResultNode.Measured measured -> value(measured);
            case ResultNode.Compare compare -> compare(compare);
        };
    }

    /** The HTML of a bound node; its chart is queued to be drawn under {@code site}. */
    String html(Page page, ResultNode node, String path, Path site, String root) {
        return switch (page.bound().get(node)) {
            case null -> "";
            case Bound.Chart chart ->
                templates.render("partials/chart.ftlh", Map.of("chart", chart(chart, path, site, root)));
            case Bound.Fragment fragment -> templates.render(fragment.template(), fragment.model());
        };
    }

    private static Binding fragment(String template, Map<String, Object> model, ResultRun... runs) {
        return new Binding(new Bound.Fragment(template, model), List.of(runs));
    }

    /** What a node needs of a run, and the run that answered it. */
    private record Answer<T>(ResultRun run, T value) {}

    /**
     * The run the quote rule picks for the node, with what {@code compute} found on it: worked out
     * once per run the rule tries, the answer kept for the run it picks.
     */
    private <T> Optional<Answer<T>> answer(ResultNode node, Function<ResultRun, T> compute) {
        return answer(node, node.machine(), compute);
    }

    private <T> Optional<Answer<T>> answer(ResultNode node, Optional<String> machine, Function<ResultRun, T> compute) {
        Map<ResultRun, T> answers = new IdentityHashMap<>();
        return rule.resolve(node.kind().word, machine, node.location(), r -> answers.put(r, compute.apply(r)))
                .map(run -> new Answer<>(run, answers.get(run)));
    }

    /** The note in place of what the quoted run did not measure, naming the profile that does. */
    private Binding notMeasured(ResultNode node) {
        return fragment(
                "partials/not-measured.ftlh",
                Map.of(
                        "block",
                        node.kind().block(),
                        "text",
                        QuoteRule.NOT_MEASURED,
                        "command",
                        QuoteRule.measuring(check(node)).map(QuoteRule::command).orElse(""),
                        "title",
                        "the quoted run, "
                                + rule.quoted().map(ResultWeaver::source).orElse("") + ", has no result for this"));
    }

    /**
     * What a node needs of a run, as a check that throws {@link InputException} when the run
     * cannot answer it: the same check for a real run, the reference and a profile's plan.
     */
    static Consumer<ResultRun> check(ResultNode node) {
        return switch (node) {
            case ResultNode.Chart chart -> r -> ChartQuery.select(chart.spec(), r);
            case ResultNode.Table table -> r -> selected(table.spec(), r);
            case ResultNode.Measured measured -> {
                MeasuredValue value = measured.value();
                yield value.show() == MeasuredValue.Show.PARAM
                        ? r -> paramValue(value, r)
                        : r -> single(value.selection(), r, "measured", Map.of());
            }
            case ResultNode.Compare compare -> r -> sides(compare.tag(), r, r, compare.location());
        };
    }

    /** The results a table shows, its named params and title checked against them. */
    private static List<BenchmarkResult> selected(ChartSpec spec, ResultRun run) {
        List<BenchmarkResult> selected = spec.selection().apply(run);
        spec.selection().requireParams(selected, spec.namedParams());
        spec.title().ifPresent(t -> spec.selection().fill(t, selected));
        return selected;
    }

    private ChartView chart(Bound.Chart chart, String path, Path site, String root) {
        String png = "charts/" + path.replaceFirst("\\.html$", "") + "-"
                + chart.node().id() + ".png";
        return charts.view(
                "chart-" + chart.node().id(),
                chart.data(),
                site,
                png,
                root,
                chart.node().spec().series().orElse("benchmark"),
                source(chart.run()),
                root + DataFiles.href(chart.run()));
    }

    private static TableView table(ChartSpec spec, String root, ResultRun run, List<BenchmarkResult> selected) {
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

    private Binding value(ResultNode.Measured node) {
        MeasuredValue value = node.value();
        Location location = node.location();
        if (value.show() == MeasuredValue.Show.PARAM) {
            return answer(node, r -> paramValue(value, r))
                    .map(a -> fragment(
                            "partials/measured.ftlh",
                            Map.of(
                                    "text",
                                    a.value(),
                                    "title",
                                    value.param().orElseThrow() + " of "
                                            + value.selection().benchmark() + " in machine " + source(a.run())),
                            a.run()))
                    .orElseGet(() -> notMeasured(node));
        }
        Optional<Answer<BenchmarkResult>> answer =
                answer(node, r -> single(value.selection(), r, "measured", Map.of()));
        if (answer.isEmpty()) {
            return notMeasured(node);
        }
        ResultRun run = answer.get().run();
        BenchmarkResult result = answer.get().value();
        String text = switch (value.show()) {
            case SCORE -> Quantities.measured(metric(value, result));
            case SPEEDUP -> speedup(result, run, location);
            case RATIO_TO_IDEAL -> Verdicts.ratio(ratioToIdeal(value, result, run, location)) + " the ideal";
            case IDEAL ->
                Quantities.value(
                        ideal(value, result, run, location), result.primary().unit());
            case PARAM -> throw new IllegalStateException("handled above");
        };
        String title = describe(result, run) + "; "
                + switch (value.show()) {
                    case SCORE -> "± is the 99.9 % confidence interval";
                    case SPEEDUP, RATIO_TO_IDEAL -> "in brackets the ratio's 99.9 % confidence interval (Fieller)";
                    case IDEAL -> "worked out from the params";
                    case PARAM -> throw new IllegalStateException("handled above");
                };
        return fragment("partials/measured.ftlh", Map.of("text", text, "title", title), run);
    }

    /**
     * A claim checked against the data: both sides resolved, the speed-up of the first over the
     * second with its interval, and a warning at the tag's line when the verdict is not the one the
     * author expected (an error under {@code --strict}). Sides that name different machines are each
     * quoted from their own machine's newest complete run (a tag that names its machines gets exactly
     * those, errors included).
     */
    private Binding compare(ResultNode.Compare node) {
        CompareTag tag = node.tag();
        Location location = node.location();
        if (tag.first().machine().equals(tag.second().machine())) {
            return answer(node, r -> sides(tag, r, r, location))
                    .map(a -> verdict(tag, a.value(), a.run(), a.run(), location))
                    .orElseGet(() -> notMeasured(node));
        }
        Optional<Answer<BenchmarkResult>> first =
                answer(node, tag.first().machine(), r -> single(tag.first().selection(), r, "compare", Map.of()));
        if (first.isEmpty()) {
            return notMeasured(node);
        }
        Map<String, String> like = first.get().value().params();
        return answer(node, tag.second().machine(), r -> single(tag.second().selection(), r, "compare", like))
                .map(second -> verdict(
                        tag,
                        checked(first.get().value(), second.value(), first.get().run(), location),
                        first.get().run(),
                        second.run(),
                        location))
                .orElseGet(() -> notMeasured(node));
    }

    private Binding verdict(CompareTag tag, Sides picked, ResultRun firstRun, ResultRun secondRun, Location location) {
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
        return fragment(
                "partials/verdict.ftlh",
                Map.of(
                        "text",
                        text,
                        "title",
                        title,
                        "expected",
                        tag.expect().word(),
                        "verdict",
                        ratio.verdict().word()),
                firstRun,
                secondRun);
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
        return checked(first, second, firstRun, location);
    }

    /** Two sides that can be compared: distinct results, measured alike. */
    private static Sides checked(BenchmarkResult first, BenchmarkResult second, ResultRun firstRun, Location location) {
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

    static String source(ResultRun run) {
        return run.machineId() + "/" + run.runId();
    }
}
