package io.github.poolbench.lesson;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One pass of the dialect over a lesson's tree, as a flexmark document post-processor: what the
 * passes share, the lesson's context (from the document's {@link ParseContext#KEY}) and its lines.
 */
abstract class DialectPass extends DocumentPostProcessor {

    final ParseContext parse;

    DialectPass(ParseContext parse) {
        this.parse = parse;
    }

    /** The nodes under {@code root} as they are now, so that a pass may change the tree as it goes. */
    static List<Node> list(Node root) {
        List<Node> nodes = new ArrayList<>();
        root.getDescendants().forEach(nodes::add);
        return nodes;
    }

    /** An extension of the dialect: it sets no parser options. */
    interface Extension extends Parser.ParserExtension {
        @Override
        default void parserOptions(MutableDataHolder options) {}
    }

    /**
     * Makes a pass for each document, with the lesson's context from the document's
     * {@link ParseContext#KEY}; flexmark orders the passes by their factories' classes.
     */
    abstract static class Factory extends DocumentPostProcessorFactory {
        private final Function<ParseContext, DialectPass> pass;
        private final Set<Class<?>> after;

        /** @param after the factory of the pass this one runs after, if any */
        Factory(Function<ParseContext, DialectPass> pass, Set<Class<?>> after) {
            this.pass = pass;
            this.after = after;
        }

        @Override
        public DocumentPostProcessor apply(Document document) {
            return pass.apply(ParseContext.KEY.get(document));
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return after.isEmpty() ? null : after;
        }
    }

    int line(Node node) {
        return parse.line(node);
    }

    int line(int offset) {
        return parse.line(offset);
    }

    int column(int offset) {
        return parse.column(offset);
    }
}
