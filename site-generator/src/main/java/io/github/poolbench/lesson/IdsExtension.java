package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import java.util.List;
import java.util.Set;

/**
 * The page's ids and table of contents, handed out once and in reading order, so that the first
 * of two equal titles keeps the plain id: headings (one level down in lessons written with
 * {@code #} sections), boxes, numbered figures and blocks with an id of their own.
 */
final class IdsExtension implements DialectPass.Extension {

    @Override
    public void extend(Parser.Builder parser) {

        parser.postProcessorFactory(new Factory());
    }

    /**
     * What a node reads as without markup, for ids and the table of contents. flexmark's text
     * collector cannot take the nodes this package makes, whose text is no slice of the file.
     */
    static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        collect(node, out);
        return out.toString();
    }

    private static void collect(Node node, StringBuilder out) {
        switch (node) {
            case Text text -> out.append(text.getChars().unescape());
            case Code code -> out.append(code.getText());
            case SoftLineBreak ignored -> out.append(' ');
            case com.vladsch.flexmark.ast.HardLineBreak ignored -> out.append(' ');
            case com.vladsch.flexmark.ast.HtmlEntity entity ->
                out.append(entity.getChars().unescape());
            case HtmlInline ignored -> {}
            default -> {
                for (Node child : node.getChildren()) {
                    collect(child, out);
                }
            }
        }
    }

    /** Makes the pass for each document. */
    static final class Factory extends DialectPass.Factory {
        Factory() {
            super(Pass::new, Set.of(BoxExtension.Factory.class));
        }
    }

    private static final class Pass extends DialectPass {

        Pass(ParseContext parse) {
            super(parse);
        }

        @Override
        public Document processDocument(Document document) {
            ids(document);
            parse.toc = LessonLoader.toc(parse.headings);
            return document;
        }

        /** Every id on the parse, handed out in reading order so that the first of two equal titles keeps the plain one. */
        private void ids(Document document) {
            for (Node node : list(document)) {
                if (node instanceof Heading heading && heading.getLevel() == 1 && heading.isAtxHeading()) {
                    parse.shiftHeadings = true;
                }
            }
            for (Node node : list(document)) {
                Attributes attributes = parse.attributes.get(node);
                switch (node) {
                    case Heading heading -> {
                        int level = parse.level(heading);
                        String plain = plainText(heading).strip();
                        String id = attributes != null && !attributes.id().isEmpty()
                                ? parse.ids.claim(attributes.id())
                                : parse.ids.unique(Ids.slug(plain));
                        parse.nodeIds.put(heading, id);
                        if ((level == 2 || level == 3)
                                && !quoted(heading)
                                && (attributes == null || !attributes.has("no_toc"))) {
                            parse.headings.add(new Lesson.TocEntry(level, id, plain, List.of()));
                        }
                    }
                    case Box box ->
                        box.id = box.attributes.id().isEmpty()
                                ? parse.ids.unique(Ids.slug(
                                        box.css() + "-" + plainText(box.title()).strip()))
                                : parse.ids.claim(box.attributes.id());
                    case Paragraph paragraph
                    when Markdown.figureImage(paragraph) != null -> {
                        parse.figureNumbers.put(paragraph, parse.figureNumbers.size() + 1);
                        parse.nodeIds.put(paragraph, parse.ids.unique("figure-" + parse.figureNumbers.size()));
                    }
                    default -> {
                        if (attributes != null && !attributes.id().isEmpty()) {
                            parse.nodeIds.put(node, parse.ids.claim(attributes.id()));
                        }
                    }
                }
            }
        }

        /** Headings inside boxes and quotes are no sections of the page. */
        private static boolean quoted(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Box || parent instanceof Box.Wrapper || parent instanceof BlockQuote) {
                    return true;
                }
            }
            return false;
        }
    }
}
