package io.github.poolbench.lesson;

import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of an inline {@code {% measured … %}} tag: a benchmark, then {@code key=value}
 * pairs. Most keys fix params; a few are the tag's own:
 *
 * <pre>
 * {% measured SleepBenchmark.map poolSize=4 tasks=12 %}                  302.1 ± 3.5 ms
 * {% measured SleepBenchmark.map poolSize=4 tasks=12 show=speedup %}     3.99×
 * {% measured SleepBenchmark.map poolSize=4 show=ratio-to-ideal %}       1.01× the ideal
 * {% measured SleepBenchmark.map poolSize=4 show=ideal %}                300 ms
 * {% measured AllocBenchmark.run metric=gc.alloc.rate.norm %}            1024 ± 0 B/op
 * {% measured ManyBenchmark.map show=param param=sleepMillis %}         50 ms (the run's one value)
 * </pre>
 *
 * @param show    what to print: the score (default), the speed-up over sequential, the ratio to the
 *                ideal, or the ideal itself
 * @param metric  a secondary metric to quote instead of the primary score
 * @param ideal   the ideal's kind for {@code ratio-to-ideal} and {@code ideal}
 * @param param   for {@code show=param}: the param whose value to state, so that prose never states
 *                a value the quoted run did not use
 */
public record MeasuredValue(
        Selection selection,
        Show show,
        Optional<String> metric,
        Optional<String> machine,
        ChartSpec.Ideal ideal,
        Optional<String> param) {

    /** What a measured value prints. */
    public enum Show {
        SCORE("score"),
        SPEEDUP("speedup"),
        RATIO_TO_IDEAL("ratio-to-ideal"),
        IDEAL("ideal"),
        PARAM("param");

        public final String word;

        Show(String word) {
            this.word = word;
        }
    }

    /** The tag's own keys; any other key names a param. */
    static final Set<String> KEYS = Set.of("show", "metric", "machine", "mode", "ideal", "param");

    /** Reads the tag's arguments (a leading {@code measured} is allowed); errors point at {@code location}. */
    public static MeasuredValue parse(String arguments, Location location) {
        List<String> words = split(arguments.strip(), location, "measured");
        if (!words.isEmpty() && words.getFirst().equals("measured")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty() || words.getFirst().contains("=")) {
            throw new InputException(
                    location, "measured needs a benchmark first, e.g. {% measured SleepBenchmark.map poolSize=4 %}");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> own = new LinkedHashMap<>();
        for (String word : words.subList(1, words.size())) {
            int eq = word.indexOf('=');
            if (eq <= 0 || eq == word.length() - 1) {
                throw new InputException(location, "measured: '" + word + "' is not key=value");
            }
            String key = word.substring(0, eq);
            (KEYS.contains(key) ? own : params).put(key, word.substring(eq + 1));
        }
        Show show = Show.SCORE;
        if (own.containsKey("show")) {
            show = java.util.Arrays.stream(Show.values())
                    .filter(s -> s.word.equals(own.get("show")))
                    .findFirst()
                    .orElseThrow(() -> new InputException(
                            location,
                            "measured: unknown show '" + own.get("show")
                                    + "' (choose score, speedup, ratio-to-ideal, ideal or param)"));
        }
        if ((show == Show.PARAM) != own.containsKey("param")) {
            throw new InputException(
                    location,
                    "measured: show=param and param=NAME go together, e.g. {% measured ManyBenchmark.map"
                            + " show=param param=sleepMillis %}");
        }
        ChartSpec.Ideal ideal = ChartSpec.Ideal.AUTO;
        if (own.containsKey("ideal")) {
            try {
                ideal = ChartSpec.Ideal.valueOf(own.get("ideal").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(
                        location, "measured: unknown ideal '" + own.get("ideal") + "' (choose waiting or cpu)");
            }
        }
        Selection selection = new Selection(words.getFirst(), Optional.ofNullable(own.get("mode")), params, location);
        return new MeasuredValue(
                selection,
                show,
                Optional.ofNullable(own.get("metric")),
                Optional.ofNullable(own.get("machine")),
                ideal,
                Optional.ofNullable(own.get("param")));
    }

    /** Words split on blanks; double quotes keep a value with blanks together. {@code tag} names the tag in errors. */
    static List<String> split(String text, Location location, String tag) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (quoted) {
            throw new InputException(location, tag + ": a double quote is never closed");
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
