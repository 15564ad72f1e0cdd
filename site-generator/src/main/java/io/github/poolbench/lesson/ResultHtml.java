package io.github.poolbench.lesson;

/**
 * What a {@link ResultNode} renders as: the site's chart, table, number or verdict once the node is
 * bound to its run. The lesson's renderer writes it where the node stands.
 */
@FunctionalInterface
public interface ResultHtml {

    /** The HTML for {@code node}; empty for a node that shows nothing (one whose binding failed). */
    String html(ResultNode node);
}
