package io.github.poolbench.chart;

import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Selection;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the sequential baseline of a selection. Suites spell it two ways: a {@code sequential}
 * method in the same class, or a param value {@code SEQUENTIAL} (as in {@code pool=SEQUENTIAL})
 * of the benchmark itself. Both are accepted, so the lookup survives either design.
 */
public final class Baselines {

    /** The method name or param value that marks a baseline, compared ignoring case. */
    public static final String SEQUENTIAL = "sequential";

    private Baselines() {}

    /** True for a result that is itself a baseline by param value (e.g. {@code pool=SEQUENTIAL}). */
    public static boolean isBaselineByParam(BenchmarkResult result) {
        return result.params().values().stream().anyMatch(v -> v.equalsIgnoreCase(SEQUENTIAL));
    }

    /**
     * The baseline for {@code selected}: a candidate from {@code all} in the same class and mode
     * that agrees with every param the selection holds fixed, the free params (x, series)
     * excepted. Among several, the one at the smallest {@code x} wins, for a stable choice.
     */
    public static Optional<BenchmarkResult> find(
            List<BenchmarkResult> all, List<BenchmarkResult> selected, Collection<String> free, Optional<String> x) {
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        BenchmarkResult sample = selected.getFirst();
        Map<String, String> fixed = new java.util.TreeMap<>(sample.params());
        fixed.keySet().removeAll(free);
        for (BenchmarkResult result : selected) {
            fixed.entrySet().removeIf(e -> !e.getValue().equals(result.params().get(e.getKey())));
        }
        return all.stream()
                .filter(r -> r.mode().equals(sample.mode()) && r.className().equals(sample.className()))
                .filter(r -> r.method().toLowerCase(Locale.ROOT).equals(SEQUENTIAL)
                        || (r.benchmark().equals(sample.benchmark()) && isBaselineByParam(r)))
                .filter(r -> fixed.entrySet().stream()
                        .allMatch(e -> !r.params().containsKey(e.getKey())
                                || e.getValue().equals(r.params().get(e.getKey()))
                                || r.params().get(e.getKey()).equalsIgnoreCase(SEQUENTIAL)))
                .min(Comparator.comparingDouble((BenchmarkResult r) -> x.map(r.params()::get)
                                .filter(Selection::isNumber)
                                .map(Double::parseDouble)
                                .orElse(Double.MAX_VALUE))
                        .thenComparing(r -> r.params().toString()));
    }
}
