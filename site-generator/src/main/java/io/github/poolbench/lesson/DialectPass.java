package io.github.poolbench.lesson;

import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

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
