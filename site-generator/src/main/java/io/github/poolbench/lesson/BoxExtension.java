package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GTN's boxes: a blockquote that opens with {@code <type-title>…</type-title>} (or the old
 * {@code ### {% icon type %} …} heading) and closes with {@code {: .type}} becomes a {@link Box};
 * {@code {: .code-2col}} and {@code {: .quote author="…"}} become a {@link Box.Wrapper}. Irregular
 * boxes (never closed, closed by another type, of an unknown type) render with a warning.
 */
final class BoxExtension implements DialectPass.Extension {

    private static final Pattern TITLE_OPEN = Pattern.compile("<([A-Za-z][\\w-]*)-title>");

    @Override
    public void extend(Parser.Builder parser) {

        parser.postProcessorFactory(new Factory());
    }

    /** Makes the pass for each document. */
    static final class Factory extends DialectPass.Factory {
        Factory() {
            super(Pass::new, Set.of(AttributeListExtension.Factory.class));
        }
    }

    private static final class Pass extends DialectPass {

        Pass(ParseContext parse) {
            super(parse);
        }

        @Override
        public Document processDocument(Document document) {
            source = document.getChars().toString();
            for (Node node : list(document)) {
                if (node instanceof BlockQuote quote) {
                    box(quote);
                }
            }
            return document;
        }

        private String source = "";

        private void box(BlockQuote quote) {
            Attributes closing = parse.attributes.getOrDefault(quote, Attributes.NONE);
            boolean closed = parse.attributes.containsKey(quote);
            Box.Title title = new Box.Title();
            String titleType = null;
            boolean writtenOut = false;
            Node first = quote.getFirstChild();
            if (first instanceof Paragraph paragraph && paragraph.getFirstChild() instanceof HtmlInline open) {
                Matcher tag = TITLE_OPEN.matcher(open.getChars());
                Node close = tag.matches() ? closingTag(open, tag.group(1)) : null;
                if (close != null) {
                    titleType = tag.group(1);
                    for (Node n = open.getNext(); n != close; ) {
                        Node next = n.getNext();
                        title.appendChild(n);
                        n = next;
                    }
                    open.unlink();
                    Node after = close.getNext();
                    close.unlink();
                    if (after instanceof Text text && text.getChars().isBlank()) {
                        after = text.getNext();
                        text.unlink();
                    }
                    if (after instanceof SoftLineBreak) {
                        after.unlink();
                    }
                    if (!paragraph.hasChildren()) {
                        paragraph.unlink();
                    }
                }
            } else if (first instanceof Heading heading
                    && heading.getFirstChild() instanceof LiquidNode icon
                    && icon.kind == LiquidNode.Kind.TAG
                    && icon.name.equals("icon")
                    && !icon.first().isEmpty()) {
                titleType = icon.first();
                writtenOut = true;
                icon.unlink();
                title.takeChildren(heading);
                heading.unlink();
                String modern = BoxType.of(titleType).map(t -> t.css).orElse(titleType);
                parse.warn(
                        line(heading),
                        "old box title form '### {% icon " + titleType + " %} …': write <" + modern + "-title>…</"
                                + modern + "-title> instead; rendered as a box all the same");
            }
            stripLeadingBlank(title);
            String closingType = closing.classes().stream()
                    .filter(c -> BoxType.of(c).isPresent())
                    .findFirst()
                    .orElse(
                            closing.classes().isEmpty() || closing.has("code-2col")
                                    ? null
                                    : closing.classes().getFirst());
            if (titleType == null) {
                if (closing.has("code-2col")
                        || closing.has("quote") && closing.others().containsKey("author")) {
                    parse.attributes.remove(quote);
                    replace(quote, new Box.Wrapper(quote.getChars(), !closing.has("code-2col"), closing));
                    return;
                }
                if (closingType == null || BoxType.of(closingType).isEmpty()) {
                    return; // a blockquote, with the closing list's attributes if any
                }
            }
            String type = titleType;
            int firstLine = line(quote);
            if (type == null) {
                type = closingType;
            } else if (!closed) {
                parse.warn(
                        firstLine,
                        "the " + type + " box starting here is never closed with {: ." + type + "}; it ends at line "
                                + lastLine(quote));
            } else if (closingType != null && !sameType(type, closingType)) {
                parse.warn(
                        firstLine,
                        "the box titled <" + type + "-title> is closed with {: ." + closingType + "}; shown as a "
                                + closingType + " box");
                type = closingType;
            }
            Optional<BoxType> known = BoxType.of(type);
            if (known.isEmpty()) {
                parse.warn(
                        firstLine,
                        "unknown box type '" + type + "' (known: " + BoxType.known() + "); shown as a plain box");
            }
            parse.attributes.remove(quote);
            Box box = new Box(quote.getChars(), known, type, writtenOut, closing);
            box.appendChild(title);
            replace(quote, box);
        }

        private static Node closingTag(HtmlInline open, String name) {
            for (Node n = open.getNext(); n != null && !(n instanceof SoftLineBreak); n = n.getNext()) {
                if (n instanceof HtmlInline html && html.getChars().toString().equals("</" + name + "-title>")) {
                    return n;
                }
            }
            return null;
        }

        private static void stripLeadingBlank(Node title) {
            if (title.getFirstChild() instanceof Text text) {
                BasedSequence trimmed = text.getChars().trimStart();
                if (trimmed.isEmpty()) {
                    text.unlink();
                } else {
                    text.setChars(trimmed);
                }
            }
            if (title.getLastChild() instanceof Text text) {
                text.setChars(text.getChars().trimEnd());
            }
        }

        /** Moves the quote's children into {@code block}, which takes the quote's place. */
        private static void replace(BlockQuote quote, Node block) {
            for (Node child = quote.getFirstChild(); child != null; ) {
                Node next = child.getNext();
                block.appendChild(child);
                child = next;
            }
            quote.insertBefore(block);
            quote.unlink();
        }

        private int lastLine(Node node) {
            int end = node.getEndOffset();
            while (end > node.getStartOffset() && (source.charAt(end - 1) == '\n' || source.charAt(end - 1) == '\r')) {
                end--;
            }
            return line(end);
        }

        private static boolean sameType(String a, String b) {
            return a.replace('_', '-').equalsIgnoreCase(b.replace('_', '-'));
        }
    }
}
