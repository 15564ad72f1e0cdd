package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The query of a lesson's chart: which results of a run a {@link ChartSpec} names, on which line
 * and at which x each goes, and the baseline beside them. {@link ChartData#build} lays them out.
 */
public final class ChartQuery {

    private ChartQuery() {}

    /**
     * Selects what a lesson's chart block names from a run. Params the block does not name must
     * have one value in the selection, or the chart would mix unlike results on one line.
     */
    public static ChartData select(ChartSpec spec, ResultRun run) {
        List<BenchmarkResult> selected = spec.selection().apply(run);
        spec.selection().requireParams(selected, spec.namedParams());
        List<BenchmarkResult> measured =
                selected.stream().filter(r -> !Baselines.isBaselineByParam(r)).toList();
        if (measured.isEmpty()) {
            throw new InputException(spec.location(), "'" + spec.benchmark() + "' has only sequential results here");
        }
        String x = spec.x().orElseThrow();
        Optional<String> series = spec.series()
                .or(() -> onlyOtherVarying(measured, x, spec.selection().where().keySet()));
        List<String> free = new ArrayList<>(List.of(x));
        series.ifPresent(free::add);
        requireSingleValues(measured, free, spec.selection().where().keySet(), spec.location());
        List<ChartData.Entry> entries = measured.stream()
                .filter(r -> r.params().containsKey(x))
                .map(r -> new ChartData.Entry(
                        series.map(r.params()::get).orElse(r.method()),
                        r.params().get(x),
                        r))
                .toList();
        Optional<BenchmarkResult> baseline = Baselines.find(run.results(), selected, free, Optional.of(x));
        String title = spec.title().map(t -> spec.selection().fill(t, measured)).orElse(spec.benchmark() + " by " + x);
        return ChartData.build(
                title,
                x,
                spec.y(),
                spec.ideal(),
                entries,
                baseline,
                run.machineInfo().cores(),
                spec.location());
    }

    /**
     * Without a {@code series:} key, the one other param that varies becomes the series: a chart
     * of a suite that added a {@code pool} param then still draws, one line per pool. With two or
     * more such params the author must choose, which {@link #requireSingleValues} says.
     */
    private static Optional<String> onlyOtherVarying(
            List<BenchmarkResult> results, String x, java.util.Set<String> fixed) {
        List<String> varying = results.stream()
                .flatMap(r -> r.params().keySet().stream())
                .distinct()
                .sorted()
                .filter(p -> !p.equals(x)
                        && !fixed.contains(p)
                        && Selection.values(results, p).size() > 1)
                .toList();
        return varying.size() == 1 ? Optional.of(varying.getFirst()) : Optional.empty();
    }

    /**
     * Fails when a param the block leaves free has several values: the chart would put unlike
     * results on one line, so the author must fix it with {@code where} or make it the series.
     */
    static void requireSingleValues(
            List<BenchmarkResult> results, List<String> free, java.util.Set<String> fixed, Location location) {
        TreeSet<String> params = new TreeSet<>(
                results.stream().flatMap(r -> r.params().keySet().stream()).toList());
        params.removeAll(free);
        params.removeAll(fixed);
        for (String param : params) {
            List<String> values = Selection.values(results, param);
            if (values.size() > 1) {
                throw new InputException(
                        location,
                        "param '" + param + "' has several values (" + String.join(", ", values)
                                + "): fix one with where: {" + param + ": \"" + values.getFirst()
                                + "\"} or make it the series");
            }
        }
    }
}
