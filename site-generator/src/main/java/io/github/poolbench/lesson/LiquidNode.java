package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * Liquid in running text, as {@link LiquidParser} finds it: a tag ({@code {% icon tip %}}), an
 * output ({@code {{ site.baseurl }}}), an abbreviation ({@code {JVM}}) or a {@code {%} that never
 * closes. {@link LiquidExtension} resolves each one (or turns it back into text inside
 * {@code {% raw %}}) and {@link Markdown} renders it. What it reads as in plain text (a heading's
 * id, the table of contents, a box's id) is its {@link Text} child, which flexmark's text
 * collector picks up.
 */
final class LiquidNode extends Node {

    enum Kind {
        TAG,
        OUTPUT,
        ABBREVIATION,
        UNCLOSED
    }

    final Kind kind;
    /** The tag's name, the output's expression, or the abbreviation. */
    final String name;
    /** The tag's arguments as written; empty for the other kinds. */
    final String args;
    /** Set by {@link LiquidExtension}: what this stands for (a citation, a link target, a meaning). */
    Object resolved;

    LiquidNode(BasedSequence chars, Kind kind, String name, String args) {
        super(chars);
        this.kind = kind;
        this.name = name;
        this.args = args;
    }

    /** The first argument: an icon's name, a citation's key, a file. */
    String first() {
        return args.isEmpty() ? "" : args.split("\\s+")[0];
    }

    /** Gives the node the text it reads as where no markup can go. */
    void plain(String text) {
        removeChildren();
        if (!text.isEmpty()) {
            appendChild(new Text(text));
        }
    }

    @Override
    public BasedSequence[] getSegments() {
        return BasedSequence.EMPTY_SEGMENTS;
    }
}
