package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;

/**
 * A place in a lesson that shows measured results, written as a fenced block whose info string
 * names the kind ({@code chart} or {@code results}) and whose body is YAML. The lesson's HTML holds
 * {@link #placeholder()} where the resolved chart or table goes.
 *
 * @param id       unique within its lesson, in order of appearance
 * @param kind     {@code chart} or {@code results}
 * @param yaml     the block's body
 * @param location the first line of the body
 */
public record ResultBlock(int id, String kind, String yaml, Location location) {

    /** A marker that survives Markdown rendering untouched (an HTML comment on a line of its own). */
    public String placeholder() {
        return "<!--poolbench:" + kind + ":" + id + "-->";
    }
}
