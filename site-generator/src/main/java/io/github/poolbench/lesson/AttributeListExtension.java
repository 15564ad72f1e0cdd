package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's attribute lists: {@link AttributeLine} parses the {@code {: .class #id key="value"}}
 * and {@code {:toc}} lines; the pass moves each list onto the block it belongs to (a box's closing
 * line onto its quote), an inline list ({@code ![a](b.png){: width="50%"}}) onto the element before
 * it, and a heading's {@code {#id}} onto the heading.
 */
final class AttributeListExtension implements DialectPass.Extension {

    private static final Pattern HEADING_ID = Pattern.compile("[ \\t]*\\{#([A-Za-z][\\w:.-]*)}[ \\t]*$");
    private static final Pattern INLINE_ATTRIBUTES = Pattern.compile("^\\{:[ \\t]*([^}]*)}");

    @Override
    public void extend(Parser.Builder parser) {
        parser.customBlockParserFactory(new AttributeLine.Factory());
        parser.postProcessorFactory(new Factory());
    }

    /** {@code ![a](b.png){: width="50%"}}: an attribute list right after an inline element is that element's. */
    static void inlineAttributes(Document document, ParseContext parse) {
        List<Node> emptied = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Text text
                    && text.getPrevious() != null
                    && !(text.getPrevious() instanceof Text)
                    && !(text.getPrevious() instanceof SoftLineBreak)) {
                Matcher m = INLINE_ATTRIBUTES.matcher(text.getChars());
                if (m.lookingAt()) {
                    parse.attach(text.getPrevious(), Attributes.parse(m.group(1)));
                    text.setChars(text.getChars().subSequence(m.end()));
                    if (text.getChars().isEmpty()) {
                        emptied.add(text);
                    }
                }
            }
        }
        emptied.forEach(Node::unlink);
    }

    /** Makes the pass for each document. */
    static final class Factory extends DialectPass.Factory {
        Factory() {
            super(Pass::new, Set.of(LiquidExtension.Factory.class));
        }
    }

    private static final class Pass extends DialectPass {

        Pass(ParseContext parse) {
            super(parse);
        }

        @Override
        public Document processDocument(Document document) {
            source = document.getChars().toString();
            inlineAttributes(document, parse);
            headingIds(document);
            attributeLines(document);
            return document;
        }

        private String source = "";

        /** {@code ## Title {#id}}: the id goes on the heading, the braces out of its text. */
        private void headingIds(Document document) {
            for (Node node : list(document)) {
                if (node instanceof Heading heading
                        && heading.isAtxHeading()
                        && heading.getLastChild() instanceof Text text) {
                    Matcher m = HEADING_ID.matcher(text.getChars());
                    if (m.find()) {
                        text.setChars(text.getChars().subSequence(0, m.start()));
                        parse.attach(heading, Attributes.parse("#" + m.group(1)));
                    }
                }
            }
        }

        private void attributeLines(Document document) {
            for (Node node : list(document)) {
                if (node instanceof AttributeLine line) {
                    attributeLine(line);
                    line.unlink();
                }
            }
        }

        private void attributeLine(AttributeLine line) {
            Node previous = line.getPrevious();
            if (line.toc) {
                if (previous instanceof ListBlock list
                        && adjacent(list, line)
                        && list.getFirstChild() == list.getLastChild()
                        && IdsExtension.plainText(list).strip().equals("TOC")) {
                    list.unlink(); // kramdown's "1. TOC" item, which {:toc} replaces
                }
                line.insertBefore(new Box.Toc(line.getChars()));
                return;
            }
            Node target;
            if (previous instanceof BlockQuote || previous != null && adjacent(previous, line)) {
                target = previous; // a quote's closing line may follow a blank line; any other list follows its block
            } else if (line.getNext() != null) {
                target = line.getNext();
            } else {
                target = line.getParent() instanceof Document ? null : line.getParent();
            }
            Optional<String> boxClass = line.attributes.classes().stream()
                    .filter(c -> BoxType.of(c).isPresent())
                    .findFirst();
            if (boxClass.isPresent() && !(target instanceof BlockQuote)) {
                parse.warn(
                        line(line),
                        "{: ." + boxClass.get() + "} closes no box: the line above it does not start with '>'");
                return;
            }
            if (target != null) {
                parse.attach(target, line.attributes);
            }
        }

        /** No blank line between the end of {@code block} and the start of {@code line}. */
        private boolean adjacent(Node block, Node line) {
            int end = block.getEndOffset();
            while (end > 0
                    && end <= source.length()
                    && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
                end--;
            }
            return source.substring(end, Math.max(end, line.getStartOffset()))
                            .chars()
                            .filter(c -> c == '\n')
                            .count()
                    <= 1;
        }
    }
}
