package io.github.poolbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a measurement is too weak to lean on. The site prints these beside the numbers instead of
 * letting a reader trust a single fork or an error JMH could not compute.
 */
public final class Quality {

    /**
     * Fewer measured samples than this make the confidence interval little more than a guess: the
     * project's rule is that every published point has at least this many.
     */
    public static final int FEW_SAMPLES = 10;

    private Quality() {}

    /**
     * One JVM's measurements, or a fork count the file does not give: differences between JVM runs
     * are not measured.
     */
    public static boolean oneFork(BenchmarkResult result) {
        return result.forks() < 2;
    }

    /** Fewer measured samples than {@link #FEW_SAMPLES}, or none counted. */
    public static boolean fewSamples(BenchmarkResult result) {
        return result.samples() < FEW_SAMPLES;
    }

    /**
     * The one definition of a weak result, what a full profile never publishes: a single fork or few
     * samples. A run with any weak result is a first look, not publication grade.
     */
    public static boolean weak(BenchmarkResult result) {
        return oneFork(result) || fewSamples(result);
    }

    /** Short sentences, one per weakness; empty when the result looks sound. */
    public static List<String> warnings(BenchmarkResult result) {
        List<String> warnings = new ArrayList<>();
        if (oneFork(result)) {
            warnings.add((result.forks() == 1 ? "one fork" : "fork count unknown")
                    + ": differences between JVM runs are not measured");
        }
        if (!result.primary().hasError()) {
            warnings.add("no error: JMH could not compute a confidence interval (NaN)");
        }
        int samples = result.samples();
        if (fewSamples(result)) {
            warnings.add(
                    samples == 0
                            ? "sample count unknown"
                            : "only " + samples + (samples == 1 ? " sample" : " samples"));
        }
        return List.copyOf(warnings);
    }

    /**
     * One sentence for a whole chart or table, instead of a note per point: how the points were
     * sampled and what that costs, e.g. {@code 1 fork × 3 samples per point: wide intervals, and
     * differences between JVM runs are not measured}. Empty when every point is sound.
     */
    public static java.util.Optional<String> summary(List<BenchmarkResult> results) {
        boolean few = results.stream().anyMatch(Quality::fewSamples);
        boolean oneFork = results.stream().anyMatch(Quality::oneFork);
        long noError = results.stream().filter(r -> !r.primary().hasError()).count();
        if (!few && !oneFork && noError == 0) {
            return java.util.Optional.empty();
        }
        List<String> costs = new ArrayList<>();
        if (few) {
            costs.add("wide intervals (fewer than " + FEW_SAMPLES + " samples)");
        }
        if (oneFork) {
            costs.add("differences between JVM runs are not measured");
        }
        String text = shape(results) + (costs.isEmpty() ? "" : ": " + String.join(", and ", costs));
        if (noError > 0) {
            text += "; " + noError + (noError == 1 ? " point has" : " points have") + " no error estimate";
        }
        return java.util.Optional.of(text);
    }

    /** {@code 1 fork × 3 samples per point}, or the ranges when points differ. */
    public static String shape(List<BenchmarkResult> results) {
        java.util.IntSummaryStatistics forks =
                results.stream().mapToInt(BenchmarkResult::forks).summaryStatistics();
        java.util.IntSummaryStatistics perFork = results.stream()
                .mapToInt(r -> r.forks() > 0 ? r.samples() / r.forks() : r.samples())
                .summaryStatistics();
        return range(forks, "fork") + " × " + range(perFork, "sample") + " per point";
    }

    private static String range(java.util.IntSummaryStatistics values, String noun) {
        String number = values.getMin() == values.getMax()
                ? String.valueOf(values.getMin())
                : values.getMin() + "–" + values.getMax();
        return number + " " + noun + (values.getMax() == 1 ? "" : "s");
    }
}
