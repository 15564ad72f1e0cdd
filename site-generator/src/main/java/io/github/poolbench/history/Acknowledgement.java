package io.github.poolbench.history;

import io.github.poolbench.diagnostics.Location;
import java.util.regex.Pattern;

/**
 * A change someone expected: a commit that made some benchmarks slower (or faster) on purpose. The
 * trend page shows such a change with its reason, in its own colour, and never counts it as a
 * regression.
 *
 * @param commit    a commit hash or its prefix (7 hexadecimal characters or more), lower case
 * @param benchmark a pattern over the series' names, {@code *} standing for any characters: it
 *                  matches the benchmark's short name ({@code SleepBenchmark.map}, every param set)
 *                  or its label with params ({@code SleepBenchmark.map (pool=PROCESS, poolSize=4)})
 * @param reason    why the change was expected, as the page shows it
 * @param where     the entry in {@code acknowledged.yml}, for messages
 */
public record Acknowledgement(String commit, String benchmark, String reason, Location where) {

    /** Whether this entry names the step of {@code key} at {@code stepCommit}. */
    public boolean covers(SeriesKey key, String stepCommit) {
        if (!stepCommit.startsWith(commit)) {
            return false;
        }
        Pattern pattern = glob(benchmark);
        return pattern.matcher(key.shortName()).matches()
                || pattern.matcher(key.label()).matches();
    }

    /** {@code *} as any characters, everything else literally (patterns come from a pull request). */
    private static Pattern glob(String text) {
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
