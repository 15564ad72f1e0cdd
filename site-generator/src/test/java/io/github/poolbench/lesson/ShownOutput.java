package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a lesson shows that an example prints, and the check that a run printed exactly that. The run's
 * non-blank lines and the shown ones must pair up one to one: in the order shown, unless the snippet
 * says {@code unordered}. In a shown line, {@code …} stands for a number that varies from run to run (a
 * time, a port, a process id, a clock time such as {@code 15:21:21.437}) and for nothing else, so a
 * {@code null} or an error where the page shows a number or a version fails the check.
 */
public final class ShownOutput {

    /** What {@code …} may stand for: digits, with {@code .}, {@code :} or {@code ,} between groups. */
    static final String NUMBER = "\\d+(?:[.:,]\\d+)*";

    /**
     * One example's expected output.
     *
     * @param file      the example's file name
     * @param at        the example's first line in its lesson, {@code file:line}
     * @param lines     the shown lines, each with its {@code file:line}
     * @param unordered whether the lines may come in any order
     * @param partial   whether the run may print lines that are not shown
     * @param timeoutSeconds how long a run may take
     */
    public record Expected(
            String file, Location at, List<Line> lines, boolean unordered, boolean partial, int timeoutSeconds) {}

    /** A shown line and where the lesson shows it. */
    public record Line(Location at, String text) {}

    /** Where a run and its page disagree, and how. */
    public record Mismatch(Location at, String message) {
        @Override
        public String toString() {
            return at + ": " + message;
        }
    }

    private ShownOutput() {}

    /** The expected output of every program of {@code lesson} (a Markdown file), by file name, in page order. */
    public static Map<String, Expected> of(Path lesson) {
        Map<String, Expected> out = new LinkedHashMap<>();
        for (Snippet snippet : SnippetScanner.scan(lesson, lesson)) {
            snippet.file().ifPresent(file -> out.put(file, expected(snippet)));
        }
        return out;
    }

    static Expected expected(Snippet snippet) {
        return new Expected(
                snippet.file().orElse(snippet.toString()),
                snippet.location(),
                snippet.shown().stream()
                        .filter(line -> !line.text().isBlank())
                        .map(line -> new Line(line.location(), line.text()))
                        .toList(),
                snippet.unordered(),
                snippet.partial(),
                snippet.timeoutSeconds());
    }

    /**
     * Checks {@code output} against {@code expected}.
     *
     * @return empty when they agree, else one message naming the lesson's line
     */
    public static java.util.Optional<Mismatch> mismatch(Expected expected, String output) {
        List<String> printed = new ArrayList<>(output.lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isBlank())
                .toList());
        int from = 0;
        for (Line line : expected.lines()) {
            Pattern pattern = pattern(line.text());
            int match = -1;
            for (int i = expected.unordered() ? 0 : from; i < printed.size() && match < 0; i++) {
                if (printed.get(i) != null && pattern.matcher(printed.get(i)).matches()) {
                    match = i;
                }
            }
            if (match < 0) {
                return java.util.Optional.of(new Mismatch(
                        line.at(),
                        "the lesson shows the output line '" + line.text()
                                + "', but " + expected.file() + " printed no such line"
                                + (expected.unordered() ? "" : " after the lines before it")
                                + " (… stands for a number)" + printed(output)));
            }
            printed.set(match, null); // each printed line answers for one shown line only
            from = match + 1;
        }
        for (String extra : printed) {
            if (extra != null && !expected.partial()) {
                return java.util.Optional.of(new Mismatch(
                        expected.at(),
                        expected.file() + " printed '" + extra + "', which the lesson does not show"
                                + printed(output)));
            }
        }
        return java.util.Optional.empty();
    }

    /** A shown line as a pattern: its text literally, with {@code …} matching a {@link #NUMBER number}. */
    static Pattern pattern(String shown) {
        StringBuilder regex = new StringBuilder();
        String[] parts = shown.stripTrailing().split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(NUMBER);
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    static String printed(String output) {
        return output.isEmpty() ? " and printed nothing" : "; it printed:\n" + output.stripTrailing();
    }
}
