package io.github.poolbench.lesson;

import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;

/**
 * A GTN box, made by {@link BoxExtension} from a blockquote with a title ({@code <tip-title>}
 * or the old {@code ### {% icon tip %}}) or with a box's class in its closing {@code {: .tip}}.
 * Its first child is the {@link Title}; the rest is the box's content.
 */
final class Box extends Block {

    /** The box's type, when it is one of GTN's. */
    final Optional<BoxType> known;
    /** The type as written, for unknown ones. */
    final String name;
    /** The title is the whole heading (the old form writes "Question: …" itself), not a label's suffix. */
    final boolean writtenOut;

    final Attributes attributes;
    /** Set when ids are handed out. */
    String id = "";

    Box(BasedSequence chars, Optional<BoxType> known, String name, boolean writtenOut, Attributes attributes) {
        super(chars);
        this.known = known;
        this.name = name;
        this.writtenOut = writtenOut;
        this.attributes = attributes;
    }

    String css() {
        return known.map(t -> t.css).orElse(Ids.slug(name));
    }

    String label() {
        return known.map(t -> t.label).orElse(capitalize(name.replace('_', ' ').replace('-', ' ')));
    }

    Title title() {
        return (Title) getFirstChild();
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + text.substring(1);
    }

    @Override
    public BasedSequence[] getSegments() {
        return BasedSequence.EMPTY_SEGMENTS;
    }

    /** The title's inline content; empty for a box titled by its type alone. */
    static final class Title extends Node {

        @Override
        public BasedSequence[] getSegments() {
            return BasedSequence.EMPTY_SEGMENTS;
        }
    }

    /**
     * The blocks that wrap a box's content in other ways: {@code {: .code-2col}} (two boxes side by
     * side) and {@code {: .quote author="…"}} (a quote attributed below it).
     */
    static final class Wrapper extends Block {

        final boolean quote;
        final Attributes attributes;

        Wrapper(BasedSequence chars, boolean quote, Attributes attributes) {
            super(chars);
            this.quote = quote;
            this.attributes = attributes;
        }

        @Override
        public BasedSequence[] getSegments() {
            return BasedSequence.EMPTY_SEGMENTS;
        }
    }

    /** Where {@code {:toc}} puts the table of contents. */
    static final class Toc extends Block {

        Toc(BasedSequence chars) {
            super(chars);
        }

        @Override
        public BasedSequence[] getSegments() {
            return BasedSequence.EMPTY_SEGMENTS;
        }
    }
}
