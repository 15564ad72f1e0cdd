package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;

/**
 * A place in a lesson that shows measured results: a fenced block whose info string names the kind
 * ({@code chart} or {@code results}) and whose body is YAML, or an inline {@code value} or {@code compare}. The
 * lesson's HTML holds {@link #placeholder()} where the resolved chart, table or number goes.
 *
 * @param id       unique within its lesson, in order of appearance
 * @param kind     {@code chart}, {@code results}, {@code value} or {@code compare}
 * @param body     the block's body (YAML for blocks; the tag's arguments for a value or a comparison)
 * @param location the first line of the body
 */
public record ResultBlock(int id, String kind, String body, Location location) {

    /** A marker that survives Markdown rendering untouched (an HTML comment on a line of its own). */
    public String placeholder() {
        return "<!--poolbench:" + kind + ":" + id + "-->";
    }
}
