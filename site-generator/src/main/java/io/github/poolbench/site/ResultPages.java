package io.github.poolbench.site;

import io.github.poolbench.chart.AutoCharts;
import io.github.poolbench.chart.ChartData;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.presentation.Verdicts;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.MachineInfo;
import io.github.poolbench.results.Quality;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The results pages: one per machine charting every benchmark it ran, a comparison across
 * machines, and the methodology behind the numbers. Whatever a results folder holds gets a chart,
 * cited by a lesson or not, from this project's suite or another's.
 */
final class ResultPages {

    /** A link for the index: the {@code resultPages} model key. */
    public record Link(String title, String path, String description) {}

    /** One run of a machine, with links to its files and what its {@code run.json} says of it. */
    public record RunView(
            String id, String dataHref, String machineHref, String runHref, int results, RunContext context) {}

    /** A benchmark and the charts it is drawn in, for a page's table of contents. */
    public record BenchmarkView(String name, String mode, List<String> chartIds) {
        public BenchmarkView {
            chartIds = List.copyOf(chartIds);
        }
    }

    /** One machine's page. */
    public record MachineView(
            String id,
            List<MachineInfo.Fact> facts,
            List<RunView> runs,
            List<BenchmarkView> benchmarks,
            List<ChartView> charts) {
        public MachineView {
            facts = List.copyOf(facts);
            runs = List.copyOf(runs);
            benchmarks = List.copyOf(benchmarks);
            charts = List.copyOf(charts);
        }
    }

    /** A fact compared across machines; {@code differs} when the machines disagree. */
    public record Difference(String label, List<String> values, boolean differs) {}

    /** A chart across machines, and what its confidence intervals allow one to say at each x. */
    public record Comparison(ChartView chart, List<String> verdicts) {}

    /** One run's measuring set-up, for the methodology section. */
    public record Setup(
            String machine,
            String run,
            String jmh,
            String jdk,
            String modes,
            String forks,
            String warmups,
            String iterations,
            String threads,
            int results,
            int weak) {}

    private final Templates templates;
    private final ChartViews charts;

    ResultPages(Templates templates, ChartViews charts) {
        this.templates = templates;
        this.charts = charts;
    }

    /** What the pages cost: how many pages and charts they added. */
    record Output(List<Link> links, int pages, int charts) {}

    /** Renders every results page into {@code site}; {@code write} stores one page. */
    Output render(ResultSet results, Path site, java.util.function.BiConsumer<String, String> write) {
        List<Link> links = new ArrayList<>();
        int chartCount = 0;
        Map<String, List<BenchmarkResult>> chosen = new LinkedHashMap<>();
        Map<BenchmarkResult, ResultRun> runOf = new IdentityHashMap<>();
        for (Map.Entry<String, List<ResultRun>> machine : results.byMachine().entrySet()) {
            MachineView view = machine(machine.getKey(), machine.getValue(), site, chosen, runOf);
            List<String> weakRuns = RunGrade.weak(machine.getValue());
            write.accept(
                    "machines/" + machine.getKey() + ".html",
                    templates.render("machine.ftlh", Map.of("root", "../", "machine", view, "weakRuns", weakRuns)));
            chartCount += view.charts().size();
            links.add(new Link(
                    "Machine " + machine.getKey(),
                    "machines/" + machine.getKey() + ".html",
                    view.benchmarks().size() + " benchmarks, " + view.runs().size()
                            + (view.runs().size() == 1 ? " run" : " runs")));
        }
        if (chosen.size() > 1) {
            List<Comparison> comparisons = compare(chosen, runOf, site);
            // Only machines that share a benchmark with another are compared.
            Set<String> compared = new TreeSet<>();
            comparisons.forEach(c -> c.chart()
                    .table()
                    .rows()
                    .forEach(row -> compared.add(row.params().getFirst())));
            Map<String, List<BenchmarkResult>> shown = new LinkedHashMap<>(chosen);
            shown.keySet().retainAll(compared);
            write.accept(
                    "compare.html",
                    templates.render(
                            "compare.ftlh",
                            Map.of(
                                    "root",
                                    "",
                                    "machines",
                                    List.copyOf(shown.keySet()),
                                    "environment",
                                    environment(shown, runOf),
                                    "comparisons",
                                    comparisons,
                                    "verdicts",
                                    Verdicts.words())));
            chartCount += comparisons.size();
            links.add(new Link(
                    "Machines compared",
                    "compare.html",
                    comparisons.size() + " benchmarks measured on several machines"));
        }
        if (!results.runs().isEmpty()) {
            write.accept(
                    "methodology.html",
                    templates.render(
                            "methodology.ftlh",
                            Map.of(
                                    "root",
                                    "",
                                    "setups",
                                    results.runs().stream()
                                            .map(ResultPages::setup)
                                            .toList(),
                                    "fewSamples",
                                    Quality.FEW_SAMPLES,
                                    "verdicts",
                                    Verdicts.words())));
            links.add(
                    new Link("Methodology", "methodology.html", "how the numbers were measured, and how to read them"));
        }
        return new Output(links, links.size(), chartCount);
    }

    /**
     * A machine's page. Each benchmark and mode is drawn from the newest run that has it, so a
     * folder holding several suites' runs still shows them all.
     */
    private MachineView machine(
            String id,
            List<ResultRun> runs,
            Path site,
            Map<String, List<BenchmarkResult>> chosen,
            Map<BenchmarkResult, ResultRun> runOf) {
        Set<String> seen = new HashSet<>();
        List<BenchmarkResult> mine = new ArrayList<>();
        List<ChartView> views = new ArrayList<>();
        Map<String, List<String>> benchmarks = new java.util.TreeMap<>(); // "benchmark mode" to chart ids
        Set<String> ids = new HashSet<>();
        for (ResultRun run : runs.reversed()) {
            List<BenchmarkResult> fresh = run.results().stream()
                    .filter(r -> !seen.contains(r.benchmark() + " " + r.mode()))
                    .toList();
            fresh.forEach(r -> runOf.put(r, run));
            mine.addAll(fresh);
            for (AutoCharts.ChartPlan plan : AutoCharts.plan(fresh)) {
                String chartId = unique(plan.id(), ids);
                ChartData data = plan.data(run.results(), run.machineInfo().cores(), Location.of(run.jmhFile()));
                views.add(charts.view(
                        chartId,
                        data,
                        site,
                        "charts/machines/" + id + "/" + chartId + ".png",
                        "../",
                        plan.series().orElse("benchmark"),
                        ResultWeaver.source(run),
                        "../" + DataFiles.href(run)));
                for (BenchmarkResult result : plan.results()) {
                    List<String> chartIds = benchmarks.computeIfAbsent(
                            result.benchmark() + " " + result.mode(), k -> new ArrayList<>());
                    if (!chartIds.contains(chartId)) {
                        chartIds.add(chartId);
                    }
                }
            }
            fresh.forEach(r -> seen.add(r.benchmark() + " " + r.mode()));
        }
        chosen.put(id, mine);
        MachineInfo info = runs.reversed().stream()
                .filter(r -> !r.machine().isEmpty())
                .findFirst()
                .map(ResultRun::machineInfo)
                .orElse(MachineInfo.of(Map.of()));
        List<RunView> runViews = runs.reversed().stream()
                .map(run -> new RunView(
                        run.runId(),
                        "../" + DataFiles.href(run),
                        DataFiles.machineHref(run).map(href -> "../" + href).orElse(""),
                        DataFiles.runHref(run).map(href -> "../" + href).orElse(""),
                        run.results().size(),
                        RunContext.of(run)))
                .toList();
        List<BenchmarkView> listed = benchmarks.entrySet().stream()
                .map(e -> new BenchmarkView(
                        e.getKey().substring(0, e.getKey().lastIndexOf(' ')),
                        e.getKey().substring(e.getKey().lastIndexOf(' ') + 1),
                        e.getValue()))
                .toList();
        return new MachineView(id, info.facts(), runViews, shortNames(listed), views);
    }

    /** {@code Class.method} for each benchmark, or the full name where two classes share a simple name. */
    private static List<BenchmarkView> shortNames(java.util.Collection<BenchmarkView> views) {
        Map<String, Long> counts = views.stream()
                .map(v -> BenchmarkResult.shortName(v.name()) + " " + v.mode())
                .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting()));
        return views.stream()
                .map(v -> counts.get(BenchmarkResult.shortName(v.name()) + " " + v.mode()) > 1
                        ? v
                        : new BenchmarkView(BenchmarkResult.shortName(v.name()), v.mode(), v.chartIds()))
                .toList();
    }

    /** Charts of every benchmark (and params) measured on two machines or more: one series per machine. */
    private List<Comparison> compare(
            Map<String, List<BenchmarkResult>> chosen, Map<BenchmarkResult, ResultRun> runOf, Path site) {
        List<BenchmarkResult> all =
                chosen.values().stream().flatMap(List::stream).toList();
        List<Comparison> comparisons = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (AutoCharts.ChartPlan plan :
                AutoCharts.planAcross(all, r -> runOf.get(r).machineId())) {
            Set<String> machines = new TreeSet<>(
                    plan.entries().stream().map(ChartData.Entry::series).toList());
            if (machines.size() < 2) {
                continue;
            }
            String chartId = unique(plan.id(), ids);
            ChartData data = ChartData.build(
                    plan.title(),
                    plan.x().orElse("benchmark"),
                    io.github.poolbench.chart.ChartSpec.YAxis.TIME,
                    io.github.poolbench.chart.ChartSpec.Ideal.AUTO,
                    plan.entries(),
                    Optional.empty(),
                    OptionalInt.empty(),
                    Location.of(runOf.get(plan.results().getFirst()).jmhFile()));
            ChartView view = charts.view(
                    chartId,
                    data,
                    site,
                    "charts/compare/" + chartId + ".png",
                    "",
                    "machine",
                    String.join(", ", machines),
                    "");
            comparisons.add(new Comparison(view, verdicts(data)));
        }
        return comparisons;
    }

    /** At each x: the best machine, and whether the others can be told apart from it. */
    private static List<String> verdicts(ChartData data) {
        Map<String, List<Map.Entry<String, BenchmarkResult>>> byX = new LinkedHashMap<>();
        for (ChartData.Series series : data.series()) {
            for (ChartData.Point point : series.points()) {
                point.result()
                        .ifPresent(r -> byX.computeIfAbsent(point.xText(), k -> new ArrayList<>())
                                .add(Map.entry(series.name(), r)));
            }
        }
        List<String> verdicts = new ArrayList<>();
        for (Map.Entry<String, List<Map.Entry<String, BenchmarkResult>>> at : byX.entrySet()) {
            if (at.getValue().size() < 2) {
                continue;
            }
            Map.Entry<String, BenchmarkResult> best = at.getValue().stream()
                    .min((a, b) -> Double.compare(better(a.getValue()), better(b.getValue())))
                    .orElseThrow();
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, BenchmarkResult> other : at.getValue()) {
                if (other == best) {
                    continue;
                }
                Ratio ratio = Ratio.speedup(best.getValue(), other.getValue());
                parts.add(Verdicts.against(ratio, other.getKey()));
            }
            verdicts.add(data.xLabel() + " " + at.getKey() + ": " + best.getKey() + " " + String.join("; ", parts));
        }
        return verdicts;
    }

    /** A score where lower is better, whatever the mode. */
    private static double better(BenchmarkResult result) {
        return result.higherIsBetter()
                ? -result.primary().score()
                : result.primary().score();
    }

    /** The facts that describe each machine's environment, side by side. */
    private static List<Difference> environment(
            Map<String, List<BenchmarkResult>> chosen, Map<BenchmarkResult, ResultRun> runOf) {
        Map<String, MachineInfo> infos = new LinkedHashMap<>();
        Map<String, List<BenchmarkResult>> resultsOf = new LinkedHashMap<>();
        chosen.forEach((machine, list) -> {
            infos.put(
                    machine,
                    list.stream()
                            .map(runOf::get)
                            .filter(run -> !run.machine().isEmpty())
                            .reduce((a, b) -> b)
                            .map(ResultRun::machineInfo)
                            .orElse(MachineInfo.of(Map.of())));
            resultsOf.put(machine, list);
        });
        List<Difference> rows = new ArrayList<>();
        for (String label : MachineInfo.LABELS) {
            rows.add(difference(
                    label,
                    infos.values().stream()
                            .map(i -> i.fact(label).orElse("unknown"))
                            .toList()));
        }
        rows.add(difference(
                "JMH",
                resultsOf.values().stream()
                        .map(l -> distinct(l, BenchmarkResult::jmhVersion))
                        .toList()));
        rows.add(difference(
                "JMH's JDK",
                resultsOf.values().stream()
                        .map(l -> distinct(l, r -> (r.jdkVersion() + " " + r.vmName()).strip()))
                        .toList()));
        rows.add(difference(
                "Forked JVM flags",
                resultsOf.values().stream()
                        .map(l -> distinct(l, r -> String.join(" ", r.jvmArgs())))
                        .toList()));
        return rows.stream()
                .filter(row -> row.values().stream().anyMatch(v -> !v.equals("unknown")))
                .toList();
    }

    /** A fact differs when two machines that know it disagree; an unknown value proves nothing. */
    private static Difference difference(String label, List<String> values) {
        return new Difference(
                label,
                values,
                values.stream().filter(v -> !v.equals("unknown")).distinct().count() > 1);
    }

    private static Setup setup(ResultRun run) {
        List<BenchmarkResult> list = run.results();
        return new Setup(
                run.machineId(),
                run.runId(),
                distinct(list, BenchmarkResult::jmhVersion),
                distinct(list, r -> r.jdkVersion()),
                distinct(list, BenchmarkResult::mode),
                distinct(list, r -> String.valueOf(r.forks())),
                distinct(list, r -> String.valueOf(r.warmupIterations())),
                distinct(list, r -> String.valueOf(r.measurementIterations())),
                distinct(list, r -> String.valueOf(r.threads())),
                list.size(),
                (int) list.stream().filter(r -> !Quality.warnings(r).isEmpty()).count());
    }

    private static String distinct(
            List<BenchmarkResult> results, java.util.function.Function<BenchmarkResult, String> field) {
        TreeSet<String> values = new TreeSet<>(
                results.stream().map(field).filter(v -> !v.isBlank()).toList());
        return values.isEmpty() ? "unknown" : String.join(", ", values);
    }

    private static String unique(String id, Set<String> taken) {
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }
}
