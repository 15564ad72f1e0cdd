package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.Selection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of an inline {@code {% compare … %}} tag: a claim in the prose that the data must
 * back. Two sides, each a benchmark and {@code key=value} pairs that pick exactly one result, split
 * by {@code vs}, and what the author expects of the first against the second:
 *
 * <pre>
 * {% compare PrimesBenchmark.map pool=THREAD poolSize=2 tasks=8 vs PrimesBenchmark.sequential expect=faster %}
 * {% compare SleepBenchmark.map pool=VIRTUAL poolSize=4 vs pool=THREAD expect=same %}
 * {% compare FetchBenchmark.map pool=THREAD poolSize=4 machine=lab-a vs machine=lab-b expect=faster %}
 * </pre>
 *
 * The second side may leave out the benchmark (then it is the first side's), its machine and mode
 * (then they are the first side's) and any param the first side fixed: where it still matches
 * several results, the first result's own param values narrow it down. So {@code vs pool=THREAD}
 * means "the same, but on platform threads".
 *
 * @param expect what the author claims: faster, slower or same
 */
public record CompareTag(Side first, Side second, Ratio.Verdict expect, Location location) {

    /** One side of the comparison. */
    public record Side(Selection selection, Optional<String> machine) {}

    /** Keys of a side that are not params. */
    static final Set<String> KEYS = Set.of("machine", "mode");

    public static CompareTag parse(String arguments, Location location) {
        List<String> words = MeasuredValue.split(arguments.strip(), location, "compare");
        if (!words.isEmpty() && words.getFirst().equals("compare")) {
            words = words.subList(1, words.size());
        }
        Ratio.Verdict expect = null;
        List<String> rest = new java.util.ArrayList<>();
        for (String word : words) {
            if (word.startsWith("expect=")) {
                String value = word.substring("expect=".length());
                expect = Arrays.stream(Ratio.Verdict.values())
                        .filter(v -> v != Ratio.Verdict.UNKNOWN && v.word().equals(value))
                        .findFirst()
                        .orElseThrow(() -> new InputException(
                                location, "compare: unknown expect '" + value + "' (choose faster, slower or same)"));
            } else {
                rest.add(word);
            }
        }
        int vs = rest.indexOf("vs");
        if (vs < 0 || rest.lastIndexOf("vs") != vs) {
            throw new InputException(
                    location,
                    "compare needs two sides split by one 'vs', e.g. "
                            + "{% compare PrimesBenchmark.map poolSize=2 vs PrimesBenchmark.sequential expect=faster %}");
        }
        if (expect == null) {
            throw new InputException(
                    location,
                    "compare: say what the data should show with expect=faster, expect=slower or expect=same");
        }
        List<String> left = rest.subList(0, vs);
        if (left.isEmpty() || left.getFirst().contains("=")) {
            throw new InputException(
                    location, "compare needs a benchmark first, e.g. {% compare SleepBenchmark.map poolSize=4 vs … %}");
        }
        Side first = side(left.getFirst(), left.subList(1, left.size()), Map.of(), location);
        List<String> right = rest.subList(vs + 1, rest.size());
        boolean named = !right.isEmpty() && !right.getFirst().contains("=");
        String benchmark = named ? right.getFirst() : left.getFirst();
        Map<String, String> inherited = own(left.subList(1, left.size()));
        Side second = side(benchmark, named ? right.subList(1, right.size()) : right, inherited, location);
        return new CompareTag(first, second, expect, location);
    }

    /**
     * A side from its benchmark and words; {@code inherited} are the first side's own keys
     * (machine, mode), which the second side keeps unless it gives its own.
     */
    private static Side side(String benchmark, List<String> words, Map<String, String> inherited, Location location) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> own = new LinkedHashMap<>(inherited);
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                throw new InputException(location, "compare: '" + word + "' is not key=value");
            }
            String key = word.substring(0, eq);
            (KEYS.contains(key) ? own : params).put(key, word.substring(eq + 1));
        }
        return new Side(
                new Selection(benchmark, Optional.ofNullable(own.get("mode")), params, location),
                Optional.ofNullable(own.get("machine")));
    }

    private static Map<String, String> own(List<String> words) {
        Map<String, String> own = new LinkedHashMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq > 0 && KEYS.contains(word.substring(0, eq))) {
                own.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return own;
    }
}
