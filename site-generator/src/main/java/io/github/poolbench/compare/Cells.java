package io.github.poolbench.compare;

import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A row's cells as text and Markdown print them: no more digits than the interval supports, and
 * the same digits in both formats.
 */
record Cells(String name, String mode, String conditions, String old, String current, String ratio, String verdict) {

    static final List<String> HEADINGS =
            List.of("benchmark", "mode", "params", "OLD", "NEW", "NEW/OLD (99.9 %)", "verdict");

    /**
     * Params with one value in every row (two rows or more), which a table states once above it rather
     * than in each row: another project's benchmark may carry many that never vary.
     */
    static java.util.SortedMap<String, String> shared(List<Row> rows) {
        java.util.SortedMap<String, String> shared = new java.util.TreeMap<>();
        if (rows.size() < 2) {
            return shared;
        }
        shared.putAll(rows.getFirst().point().params());
        for (Row row : rows) {
            shared.entrySet()
                    .removeIf(param ->
                            !param.getValue().equals(row.point().params().get(param.getKey())));
        }
        return shared;
    }

    static Cells of(Row row, java.util.Set<String> shared) {
        Units.Shown shown = Units.readable(
                row.unit(),
                Math.max(Math.abs(row.old().score()), Math.abs(row.current().score())));
        return new Cells(
                row.name(),
                row.point().mode(),
                row.point().conditions(shared),
                side(row.old(), shown),
                side(row.current(), shown),
                ratio(row.ratio()),
                row.verdict().word());
    }

    List<String> values() {
        return List.of(name, mode, conditions, old, current, ratio, verdict);
    }

    /** {@code 4.61 ± 0.12 µs/op}: the score rounded to the half-width's second significant digit. */
    static String side(Row.Side side, Units.Shown shown) {
        double score = shown.apply(side.score());
        double half = shown.apply(side.halfWidth());
        if (!Double.isFinite(half) || half <= 0) {
            return significant(score, 4) + " (no interval) " + shown.unit();
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(half)));
        return fixed(score, decimals) + " ± " + fixed(half, decimals) + " " + shown.unit();
    }

    /** {@code 0.328 (0.317–0.339)}: three significant digits, more where the ends would read alike. */
    static String ratio(RatioInterval interval) {
        double ratio = interval.ratio();
        if (!Double.isFinite(ratio)) {
            return "no ratio";
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(Math.abs(ratio))));
        if (!interval.isKnown()) {
            return fixed(ratio, decimals) + " (no interval)";
        }
        if (!interval.isBounded()) {
            return fixed(ratio, decimals) + " (unbounded)";
        }
        while (decimals < 6 && fixed(interval.lower(), decimals).equals(fixed(interval.upper(), decimals))) {
            decimals++;
        }
        return fixed(ratio, decimals) + " (" + fixed(interval.lower(), decimals) + "–"
                + fixed(interval.upper(), decimals) + ")";
    }

    /** {@code 3 faster, 1 slower, 16 ~}: each verdict any row got, in a fixed order. */
    static String summary(Map<Verdict, Integer> counts) {
        return counts.entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey().word())
                .collect(Collectors.joining(", "));
    }

    private static String fixed(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_EVEN)
                .toPlainString();
    }

    private static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.valueOf(value);
        }
        int decimals = Math.max(0, digits - 1 - (int) Math.floor(Math.log10(Math.abs(value))));
        return fixed(value, decimals);
    }
}
