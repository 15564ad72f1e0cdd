package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What GTN's Jekyll plugins and kramdown add to CommonMark, done on flexmark's tree after parsing,
 * in the order Jekyll does it: Liquid first ({@code {% raw %}} and {@code {% comment %}} spans,
 * tags, outputs, abbreviations and result fences), then heading ids and attribute lists, then boxes,
 * and last the page's ids and table of contents, in the order the reader meets them.
 */
final class GtnPostProcessor {

    private static final Pattern RAW_MARKER = Pattern.compile("\\{%-?\\s*(raw|endraw)\\s*-?%}");
    private static final Pattern URL_LIQUID =
            Pattern.compile("\\{%-?\\s*link\\s+(\\S+)\\s*-?%}|\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final Pattern TOOL = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final Pattern HEADING_ID = Pattern.compile("[ \\t]*\\{#([A-Za-z][\\w:.-]*)}[ \\t]*$");
    private static final Pattern TITLE_OPEN = Pattern.compile("<([A-Za-z][\\w-]*)-title>");

    private final ParseContext parse;
    private final String source;

    GtnPostProcessor(ParseContext parse, String source) {
        this.parse = parse;
        this.source = source;
        parse.source(source);
    }

    void process(Document document) {
        liquid(document);
        Markdown.inlineAttributes(document, parse);
        headingIds(document);
        attributeLines(document);
        for (Node node : list(document)) {
            if (node instanceof BlockQuote quote) {
                box(quote);
            }
        }
        ids(document);
        parse.toc = LessonLoader.toc(parse.headings);
    }

    private static List<Node> list(Node root) {
        List<Node> nodes = new ArrayList<>();
        root.getDescendants().forEach(nodes::add);
        return nodes;
    }

    private int line(Node node) {
        return parse.line(node);
    }

    private int line(int offset) {
        return parse.line(offset);
    }

    private int column(int offset) {
        return parse.column(offset);
    }

    // ---- Liquid -------------------------------------------------------------------------------

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
                when !inRaw -> image.setUrl(url(image.getUrl(), image.getUrl().getStartOffset()));
                case Reference reference
                when !inRaw ->
                    reference.setUrl(url(reference.getUrl(), reference.getUrl().getStartOffset()));
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

    static String withoutRawMarkers(String code) {
        return RAW_MARKER.matcher(code).replaceAll("");
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
                            line, column, "cannot resolve the Liquid output {{ " + node.name + " }}; it is left out");
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
                    "undefined abbreviation {" + node.name + "}: add it under 'abbreviations:' in the front matter; "
                            + "shown as plain text");
            node.plain(node.name);
        } else { // {lower} is no abbreviation but text
            node.plain(node.getChars().toString());
        }
    }

    // ---- attribute lists ----------------------------------------------------------------------

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
                    && plainText(list).strip().equals("TOC")) {
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
                    line(line), "{: ." + boxClass.get() + "} closes no box: the line above it does not start with '>'");
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

    // ---- boxes --------------------------------------------------------------------------------

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
                    "old box title form '### {% icon " + titleType + " %} …': write <" + modern + "-title>…</" + modern
                            + "-title> instead; rendered as a box all the same");
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

    // ---- ids and the table of contents --------------------------------------------------------

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
