package io.github.poolbench.results;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a measurement is too weak to lean on. The site prints these beside the numbers instead of
 * letting a reader trust a single fork or an error JMH could not compute.
 */
public final class Quality {

    /** Fewer measured samples than this make the confidence interval little more than a guess. */
    public static final int FEW_SAMPLES = 5;

    private Quality() {}

    /** Short sentences, one per weakness; empty when the result looks sound. */
    public static List<String> warnings(BenchmarkResult result) {
        List<String> warnings = new ArrayList<>();
        if (result.forks() == 1) {
            warnings.add("one fork: differences between JVM runs are not measured");
        }
        if (!result.primary().hasError()) {
            warnings.add("no error: JMH could not compute a confidence interval (NaN)");
        }
        int samples = result.samples();
        if (samples > 0 && samples < FEW_SAMPLES) {
            warnings.add("only " + samples + (samples == 1 ? " sample" : " samples"));
        }
        return List.copyOf(warnings);
    }
}
