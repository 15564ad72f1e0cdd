package io.github.poolbench.results;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which results a lesson's chart, table or measured value names: a benchmark, optionally a mode,
 * and fixed param values. Every way of naming nothing is an error at the block's line that lists
 * what does exist, so a typo is fixed in one go.
 *
 * @param benchmark the full name or a dot-separated tail of it, e.g. {@code SleepBenchmark.map}
 * @param mode      JMH's mode, needed only when a benchmark was measured in several
 * @param where     param values the results must have
 */
public record Selection(String benchmark, Optional<String> mode, Map<String, String> where, Location location) {

    public Selection {
        where = Map.copyOf(where);
    }

    /** The results of {@code run} this selection names, in file order; never empty. */
    public List<BenchmarkResult> apply(ResultRun run) {
        List<BenchmarkResult> matching =
                run.results().stream().filter(r -> r.matches(benchmark)).toList();
        if (matching.isEmpty()) {
            throw new InputException(
                    location,
                    "no benchmark '" + benchmark + "' in " + run.jmhFile() + " (it has: "
                            + list(run.results().stream()
                                    .map(BenchmarkResult::shortName)
                                    .toList()) + ")");
        }
        TreeSet<String> names =
                new TreeSet<>(matching.stream().map(BenchmarkResult::benchmark).toList());
        if (names.size() > 1) {
            throw new InputException(
                    location,
                    "'" + benchmark + "' names several benchmarks: " + String.join(", ", names)
                            + "; name the class too");
        }
        TreeSet<String> modes =
                new TreeSet<>(matching.stream().map(BenchmarkResult::mode).toList());
        if (mode.isPresent()) {
            matching =
                    matching.stream().filter(r -> r.mode().equals(mode.get())).toList();
            if (matching.isEmpty()) {
                throw new InputException(
                        location,
                        "'" + benchmark + "' has no results in mode '" + mode.get() + "' (modes: "
                                + String.join(", ", modes) + ")");
            }
        } else if (modes.size() > 1) {
            throw new InputException(
                    location,
                    "'" + benchmark + "' was measured in several modes (" + String.join(", ", modes)
                            + "): choose one with mode");
        }
        requireParams(matching, where.keySet());
        for (Map.Entry<String, String> fixed : new java.util.TreeMap<>(where).entrySet()) {
            List<BenchmarkResult> narrowed = matching.stream()
                    .filter(r -> fixed.getValue().equals(r.params().get(fixed.getKey())))
                    .toList();
            if (narrowed.isEmpty()) {
                throw new InputException(
                        location,
                        "no data for " + fixed.getKey() + "=" + fixed.getValue() + " in '" + benchmark + "' (values: "
                                + list(values(matching, fixed.getKey())) + ")");
            }
            matching = narrowed;
        }
        return matching;
    }

    /** Fails unless every name is a param of the results. */
    public void requireParams(List<BenchmarkResult> results, Collection<String> params) {
        TreeSet<String> known = new TreeSet<>(
                results.stream().flatMap(r -> r.params().keySet().stream()).toList());
        for (String param : new TreeSet<>(params)) {
            if (!known.contains(param)) {
                throw new InputException(
                        location,
                        "benchmark '" + benchmark + "' has no param '" + param + "' (its params: "
                                + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
    }

    /** The distinct values of a param among results, sorted as numbers when they all are. */
    public static List<String> values(List<BenchmarkResult> results, String param) {
        return sortedValues(results.stream()
                .map(r -> r.params().get(param))
                .filter(Objects::nonNull)
                .toList());
    }

    /** Distinct strings, in numeric order when all are numbers, else in text order. */
    public static List<String> sortedValues(Collection<String> values) {
        TreeSet<String> distinct = new TreeSet<>(values);
        if (distinct.stream().allMatch(Selection::isNumber)) {
            return distinct.stream()
                    .sorted(java.util.Comparator.comparingDouble(Double::parseDouble))
                    .toList();
        }
        return List.copyOf(distinct);
    }

    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{(\\w+)}");

    /**
     * A title or sentence with each {@code {param}} replaced by that param's one value among
     * {@code results}, as {@link #spoken} says it, so that a title never states a value the run did
     * not use. A param with several values there is an error: fix it with {@code where}.
     */
    public String fill(String text, List<BenchmarkResult> results) {
        java.util.regex.Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(filled, java.util.regex.Matcher.quoteReplacement(one(results, m.group(1))));
        }
        m.appendTail(filled);
        return filled.toString();
    }

    /** The one value of {@code param} among {@code results}, spoken; several values or none are an error. */
    public String one(List<BenchmarkResult> results, String param) {
        requireParams(results, List.of(param));
        List<String> values = values(results, param);
        if (values.size() != 1) {
            throw new InputException(
                    location,
                    "'" + benchmark + "' has several " + param + " values here (" + String.join(", ", values)
                            + "): fix one with " + param + "=…");
        }
        return spoken(param, values.getFirst());
    }

    /** {@code 10,000} for {@code tasks=10000}, {@code 50 ms} for {@code sleepMillis=50}: a param value as prose says it. */
    public static String spoken(String param, String value) {
        String number =
                value.matches("\\d{4,}") ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(value)) : value;
        return param.endsWith("Millis") ? number + " ms" : number;
    }

    public static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String list(Collection<String> values) {
        return values.isEmpty() ? "none" : String.join(", ", sortedValues(values));
    }
}
