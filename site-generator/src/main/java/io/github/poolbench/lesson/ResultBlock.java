package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;

/**
 * A place in a lesson that shows measured results: a fenced block whose info string names the kind
 * ({@code chart} or {@code results}) and whose body is YAML, or an inline {@code value} or {@code compare}. The
 * lesson's HTML holds {@link #placeholder()} where the resolved chart, table or number goes.
 *
 * @param id       unique within its lesson, in order of appearance
 * @param kind     what the block shows
 * @param body     the block's body (YAML for blocks; the tag's arguments for a value or a comparison)
 * @param location the first line of the body
 */
public record ResultBlock(int id, Kind kind, String body, Location location) {

    /** What a result block shows; {@link #word} is how lessons and placeholders spell it. */
    public enum Kind {
        /** A ```chart fence. */
        CHART("chart"),
        /** A ```results fence: a table. */
        RESULTS("results"),
        /** {@code {% measured %}}: one number with its error. */
        VALUE("value"),
        /** {@code {% compare %}}: a claim checked against the data. */
        COMPARE("compare");

        public final String word;

        Kind(String word) {
            this.word = word;
        }

        /** The kind a fence's info string or a placeholder names. */
        public static java.util.Optional<Kind> of(String word) {
            return java.util.Arrays.stream(values())
                    .filter(kind -> kind.word.equals(word))
                    .findFirst();
        }
    }

    /** A marker the site build replaces with the block's HTML (an HTML comment, which Markdown leaves alone). */
    public String placeholder() {
        return "<!--poolbench:" + kind.word + ":" + id + "-->";
    }
}
