package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquid, as Jekyll runs it before Markdown: {@link LiquidParser} finds tags, outputs and
 * abbreviations in running text; the pass resolves them on the tree ({@code {% raw %}} and
 * {@code {% comment %}} spans, {@code cite}, {@code link}, {@code icon}, abbreviations, Liquid in link
 * targets) and turns result fences and tags into typed {@link ResultNode}s, their specs parsed.
 */
final class LiquidExtension implements DialectPass.Extension {

    private static final Pattern RAW_MARKER = Pattern.compile("\\{%-?\\s*(raw|endraw)\\s*-?%}");
    private static final Pattern URL_LIQUID =
            Pattern.compile("\\{%-?\\s*link\\s+(\\S+)\\s*-?%}|\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final Pattern TOOL = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");

    @Override
    public void extend(Parser.Builder parser) {
        parser.customInlineParserExtensionFactory(new LiquidParser.Factory());
        parser.postProcessorFactory(new Factory());
    }

    /** Code stays as written but for {@code {% raw %}} markers, which Jekyll drops everywhere. */
    static String withoutRawMarkers(String code) {
        return RAW_MARKER.matcher(code).replaceAll("");
    }

    /** Makes the pass for each document. */
    static final class Factory extends DialectPass.Factory {
        Factory() {
            super(Pass::new, Set.of());
        }
    }

    private static final class Pass extends DialectPass {

        Pass(ParseContext parse) {
            super(parse);
        }

        @Override
        public Document processDocument(Document document) {
            liquid(document);
            return document;
        }

        private boolean inRaw;
        private int rawLine;
        private boolean inComment;

        private void liquid(Document document) {
            for (Node node : list(document)) {
                if (node.getParent() == null && node != document) {
                    continue; // inside something a comment took out
                }
                if (inComment) {
                    if (node instanceof LiquidNode tag
                            && tag.kind == LiquidNode.Kind.TAG
                            && tag.name.equals("endcomment")) {
                        inComment = false;
                    }
                    if (node instanceof LiquidNode) {
                        drop(node);
                    } else if (!node.hasChildren()
                            || node instanceof Code
                            || node instanceof FencedCodeBlock
                            || node instanceof IndentedCodeBlock) {
                        node.unlink();
                    }
                    continue;
                }
                switch (node) {
                    case LiquidNode liquid -> liquid(liquid);
                    case Code code -> code(code.getText().toString(), line(code)); // Markdown drops the markers
                    case FencedCodeBlock fence -> fence(fence);
                    case IndentedCodeBlock block -> code(block.getContentChars().toString(), line(block));
                    case Link link
                    when !inRaw -> link.setUrl(url(link.getUrl(), link.getUrl().getStartOffset()));
                    case Image image
                    when !inRaw ->
                        image.setUrl(url(image.getUrl(), image.getUrl().getStartOffset()));
                    case Reference reference
                    when !inRaw ->
                        reference.setUrl(
                                url(reference.getUrl(), reference.getUrl().getStartOffset()));
                    default -> {}
                }
            }
            if (inRaw) {
                parse.warn(rawLine, "{% raw %} is never closed with {% endraw %}");
            }
            for (Node node : list(document)) {
                if (node instanceof Paragraph paragraph && empty(paragraph)) {
                    paragraph.unlink(); // held only tags that render as nothing, such as {% raw %}
                }
            }
        }

        /** Takes out a tag that renders as nothing, and the line break after it when it stood on a line of its own. */
        private static void drop(Node node) {
            Node previous = node.getPrevious();
            Node next = node.getNext();
            if (next instanceof SoftLineBreak && (previous == null || previous instanceof SoftLineBreak)) {
                next.unlink();
            } else if (next == null && previous instanceof SoftLineBreak) {
                previous.unlink();
            }
            node.unlink();
        }

        private static boolean empty(Paragraph paragraph) {
            for (Node child : paragraph.getChildren()) {
                if (!(child instanceof SoftLineBreak)
                        && !(child instanceof Text text && text.getChars().isBlank())) {
                    return false;
                }
            }
            return true;
        }

        /** Code stays as written; only {@code {% raw %}} markers go, as Jekyll drops them everywhere. */
        private String code(String text, int line) {
            Matcher marker = RAW_MARKER.matcher(text);
            if (!marker.find()) {
                return text;
            }
            marker.reset();
            while (marker.find()) {
                inRaw = marker.group(1).equals("raw");
                rawLine = line;
            }
            return RAW_MARKER.matcher(text).replaceAll("");
        }

        private void fence(FencedCodeBlock fence) {
            String kind = fence.getInfo().toString().strip().split("[\\s{]")[0];
            Optional<ResultNode.Kind> result = Optional.of(kind)
                    .filter(k -> k.equals(ResultNode.Kind.CHART.word) || k.equals(ResultNode.Kind.RESULTS.word))
                    .map(k -> k.equals(ResultNode.Kind.CHART.word) ? ResultNode.Kind.CHART : ResultNode.Kind.RESULTS);
            if (!inRaw && fence.getOpeningMarker().startsWith("`") && result.isPresent()) {
                if (!fence.getClosingMarker().isEmpty()) {
                    resultNode(fence, result.get(), fence.getContentChars().toString(), parse.at(line(fence) + 1));
                    return;
                }
                parse.warn(line(fence), "the ```" + kind + " block is never closed; shown as code");
            }
            code(fence.getContentChars().toString(), line(fence));
        }

        /**
         * Puts the typed node of a result block or tag in the place of {@code node}, its spec parsed
         * now; one that does not parse is an error at its line and leaves nothing in its place.
         */
        private void resultNode(Node node, ResultNode.Kind kind, String body, Location at) {
            parse.results++;
            try {
                ResultNode result = ResultNode.of(parse.results, kind, body, at);
                result.setChars(node.getChars()); // its place in the file, for the passes that follow
                node.insertBefore(result);
            } catch (InputException e) {
                parse.error(e);
            }
            node.unlink();
        }

        private void liquid(LiquidNode node) {
            int offset = node.getStartOffset();
            int line = line(offset);
            int column = column(offset);
            if (inRaw) {
                if (node.kind == LiquidNode.Kind.TAG && node.name.equals("endraw")) {
                    inRaw = false;
                    drop(node);
                } else {
                    node.insertBefore(new Text(node.getChars()));
                    node.unlink();
                }
                return;
            }
            switch (node.kind) {
                case TAG -> tag(node, line, column);
                case OUTPUT -> {
                    if (node.name.equals("site.baseurl")) {
                        node.plain(baseUrl());
                    } else {
                        parse.warn(
                                line,
                                column,
                                "cannot resolve the Liquid output {{ " + node.name + " }}; it is left out");
                        node.unlink();
                    }
                }
                case ABBREVIATION -> abbreviation(node, line, column);
                case UNCLOSED -> {
                    parse.warn(line, column, "a Liquid tag opened with {% is not closed with %} on the same line");
                    node.insertBefore(new Text(node.getChars()));
                    node.unlink();
                }
            }
        }

        private void tag(LiquidNode node, int line, int column) {
            String first = node.first();
            switch (node.name) {
                case "raw" -> {
                    inRaw = true;
                    rawLine = line;
                    drop(node);
                }
                case "comment" -> {
                    inComment = true;
                    drop(node);
                }
                case "endraw", "endcomment" -> drop(node);
                case "icon" -> node.plain("");
                case "cite" -> {
                    Lesson.Citation citation = parse.citations.computeIfAbsent(
                            first,
                            k -> new Lesson.Citation(
                                    k, parse.ids.unique("citation-" + Ids.slug(k)), parse.citations.size() + 1));
                    node.resolved = citation;
                    node.plain("[" + citation.number() + "]");
                }
                case "measured", "compare" ->
                    resultNode(
                            node,
                            node.name.equals("measured") ? ResultNode.Kind.VALUE : ResultNode.Kind.COMPARE,
                            node.args,
                            parse.at(line, column));
                case "link" -> {
                    node.resolved = link(first, line, column);
                    node.plain((String) node.resolved);
                }
                case "tool" -> {
                    Matcher tool = TOOL.matcher(node.args);
                    node.resolved = tool.find() ? tool.group(1) : node.args;
                    node.plain((String) node.resolved);
                }
                case "include", "snippet" -> {
                    parse.warn(
                            line,
                            column,
                            "cannot include '" + first + "': GTN's " + node.name + "s are not available on this site; "
                                    + "a note stands in its place");
                    node.plain("");
                }
                default -> {
                    parse.warn(line, column, "cannot resolve the Liquid tag {% " + node.name + " %}; it is left out");
                    node.unlink();
                }
            }
        }

        private String baseUrl() {
            return parse.root.isEmpty() ? "." : parse.root.substring(0, parse.root.length() - 1);
        }

        private String link(String target, int line, int column) {
            Path file = parse.contentRoot.resolve(target.replaceFirst("^/", "")).normalize();
            if (!Files.exists(file)) {
                parse.warn(line, column, "{% link " + target + " %}: no such file under the content folder");
            }
            return parse.root + target.replaceFirst("^/", "").replaceFirst("\\.md$", ".html");
        }

        /** Link targets are no running text: Liquid in them ({@code {{ site.baseurl }}}, {@code {% link %}}) resolves here. */
        private BasedSequence url(BasedSequence url, int offset) {
            Matcher m = URL_LIQUID.matcher(url);
            if (!m.find()) {
                return url;
            }
            m.reset();
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                int at = offset + m.start();
                String replacement;
                if (m.group(1) != null) {
                    replacement = link(m.group(1), line(at), column(at));
                } else if (m.group(2).equals("site.baseurl")) {
                    replacement = baseUrl();
                } else {
                    parse.warn(
                            line(at),
                            column(at),
                            "cannot resolve the Liquid output {{ " + m.group(2) + " }}; it is left out");
                    replacement = "";
                }
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            return BasedSequence.of(out.toString());
        }

        private void abbreviation(LiquidNode node, int line, int column) {
            Map<String, String> defined = parse.meta.abbreviations();
            String meaning = defined.get(node.name);
            if (meaning != null) {
                boolean first = parse.abbreviationsSeen.add(node.name);
                node.resolved = first ? null : meaning;
                node.plain(first ? meaning + " (" + node.name + ")" : node.name);
            } else if (!node.name.equals(node.name.toLowerCase(Locale.ROOT))) {
                parse.warn(
                        line,
                        column,
                        "undefined abbreviation {" + node.name
                                + "}: add it under 'abbreviations:' in the front matter; " + "shown as plain text");
                node.plain(node.name);
            } else { // {lower} is no abbreviation but text
                node.plain(node.getChars().toString());
            }
        }
    }
}
