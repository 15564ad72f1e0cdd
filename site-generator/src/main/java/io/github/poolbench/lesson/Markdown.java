package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlock;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Markdown to HTML with flexmark, plus what GTN's kramdown and plugins add: attribute lists applied
 * to the block (or image, link) they follow, heading ids unique on the page, figures with numbered
 * captions from image titles, tables that scroll, and code highlighted at build time.
 */
final class Markdown {

    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(TablesExtension.CLASS_NAME, "")
            // not flexmark's filter (lower-case javascript: only, silently): provide() checks every link, with a warning
            .set(HtmlRenderer.SUPPRESSED_LINKS, "");
    private static final Parser PARSER = Parser.builder(OPTIONS).build();
    private static final Pattern INLINE_ATTRIBUTES = Pattern.compile("^\\{:[ \\t]*([^}]*)}");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+");
    /** Attributes an attribute list may set as they are; any other name becomes {@code data-name}. */
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of("title", "lang", "dir", "role", "hidden", "tabindex",
            "translate", "cite", "start", "reversed", "width", "height", "alt", "colspan", "rowspan", "scope", "loading");

    private final Page page;
    private final HtmlRenderer renderer;
    private boolean topLevel;
    private List<Line> lines = List.of();

    Markdown(Page page) {
        this.page = page;
        renderer = HtmlRenderer.builder(OPTIONS)
                .nodeRendererFactory(options -> new Renderers())
                .attributeProviderFactory(new IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(LinkResolverContext context) {
                        return Markdown.this::provide;
                    }
                })
                .build();
    }

    /** Renders lines; only the top level's h2 and h3 go into the page's table of contents. */
    String render(List<Line> source, boolean collectHeadings) {
        List<Line> outer = lines;
        boolean outerTop = topLevel;
        lines = source;
        topLevel = collectHeadings;
        try {
            Document document = PARSER.parse(source.stream().map(Line::text).collect(Collectors.joining("\n", "", "\n")));
            applyAttributeMarkers(document);
            return renderer.render(document);
        } finally {
            lines = outer;
            topLevel = outerTop;
        }
    }

    /** One line of inline Markdown (a box title, an objective) without the paragraph around it. */
    String inline(String markdown) {
        String html = render(List.of(new Line(0, markdown)), false).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    private int lineOf(Node node) {
        int index = node.getStartLineNumber();
        return index >= 0 && index < lines.size() ? lines.get(index).number() : 0;
    }

    /** Moves each {@code {: …}} marker's attributes onto its node, and inline ones onto the element before. */
    private void applyAttributeMarkers(Document document) {
        List<Node> markers = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof HtmlBlockBase block) {
                Matcher m = Boxes.ATTRIBUTE_MARKER.matcher(block.getChars().toString().strip());
                if (m.matches()) {
                    Node target = m.group(2).equals("prev") ? block.getPrevious() : block.getNext();
                    if (target == null && !(block.getParent() instanceof Document)) {
                        target = block.getParent();
                    }
                    if (target != null) {
                        attach(target, page.pendingAttributes.get(Integer.parseInt(m.group(1))));
                    }
                    markers.add(block);
                }
            } else if (node instanceof Text text && text.getPrevious() != null && !(text.getPrevious() instanceof Text)
                    && !(text.getPrevious() instanceof SoftLineBreak)) {
                Matcher m = INLINE_ATTRIBUTES.matcher(text.getChars());
                if (m.lookingAt()) {
                    attach(text.getPrevious(), Attributes.parse(m.group(1)));
                    text.setChars(text.getChars().subSequence(m.end()));
                    if (text.getChars().isEmpty()) {
                        markers.add(text);
                    }
                }
            }
        }
        markers.forEach(Node::unlink);
    }

    private void attach(Node target, Attributes attributes) {
        Attributes merged = page.attributes.containsKey(target) ? page.attributes.get(target).plus(attributes) : attributes;
        if (!attributes.id().isEmpty()) {
            merged = new Attributes(merged.classes(), page.ids.claim(attributes.id()), merged.others());
        }
        page.attributes.put(target, merged);
    }

    /** Attribute lists on nodes that flexmark renders itself: paragraphs, lists, quotes, tables, links. */
    private void provide(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableCell && attributes.contains("align")) { // obsolete in HTML5: a style instead
            String align = attributes.getValue("align");
            attributes.remove("align");
            attributes.addValue("style", "text-align:" + align);
        }
        if (attributes.contains("href") && !RawHtml.allowedUrl(attributes.getValue("href"))) {
            // the same rule as for raw HTML: a Markdown link may not run script either
            page.warn(lineOf(node), "dropped the link to \"" + RawHtml.shorten(attributes.getValue("href"))
                    + "\": links may be relative or use http, https or mailto");
            attributes.remove("href");
        }
        Attributes extra = page.attributes.get(node);
        if (extra == null || !(part == AttributablePart.NODE || part == AttributablePart.LINK)) {
            return;
        }
        extra.classes().forEach(c -> attributes.addValue("class", c));
        if (!extra.id().isEmpty()) {
            attributes.replaceValue("id", extra.id());
        }
        others(extra).forEach(attributes::replaceValue);
    }

    /** {@code width="50%"}, common in GTN, is no valid HTML width: it becomes a style. */
    private static Map<String, String> others(Attributes attributes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        StringBuilder style = new StringBuilder();
        attributes.others().forEach((name, value) -> {
            if ((name.equals("width") || name.equals("height")) && !PLAIN_NUMBER.matcher(value).matches()) {
                style.append(name).append(':').append(value).append(';');
            } else if (name.equals("style")) {
                style.append(value).append(value.endsWith(";") ? "" : ";");
            } else if (name.startsWith("on")) { // no script from lesson attributes
                return;
            } else if (KNOWN_ATTRIBUTES.contains(name) || name.startsWith("data-") || name.startsWith("aria-")) {
                out.put(name, value);
            } else { // kramdown passes any name through; HTML has no 'author=', so keep it as data
                out.put("data-" + name, value);
            }
        });
        if (!style.isEmpty()) {
            out.put("style", style.toString());
        }
        return out;
    }

    /** {@code id}, {@code class} and other attributes as HTML, for elements this package writes itself. */
    static String attributes(Attributes attributes, String baseClass, String id) {
        StringBuilder html = new StringBuilder();
        String finalId = !attributes.id().isEmpty() ? attributes.id() : id;
        if (!finalId.isEmpty()) {
            html.append(" id=\"").append(Html.escape(finalId)).append('"');
        }
        List<String> classes = new ArrayList<>();
        if (!baseClass.isEmpty()) {
            classes.add(baseClass);
        }
        attributes.classes().stream().filter(c -> !classes.contains(c)).forEach(classes::add);
        if (!classes.isEmpty()) {
            html.append(" class=\"").append(Html.escape(String.join(" ", classes))).append('"');
        }
        others(attributes).forEach((name, value) -> html.append(' ').append(name).append("=\"").append(Html.escape(value)).append('"'));
        return html.toString();
    }

    private Attributes attributesOf(Node node) {
        return page.attributes.getOrDefault(node, new Attributes(List.of(), "", Map.of()));
    }

    private final class Renderers implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Heading.class, this::heading),
                    new NodeRenderingHandler<>(Paragraph.class, this::paragraph),
                    new NodeRenderingHandler<>(Image.class, (node, context, html) -> html.raw(image(node, true))),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, (node, context, html) ->
                            code(node, node.getInfo().toString().strip().split("[\\s{]")[0], node.getContentChars().toString(), html)),
                    new NodeRenderingHandler<>(IndentedCodeBlock.class, (node, context, html) ->
                            code(node, "", node.getContentChars().toString(), html)),
                    // Raw HTML, block or inline, passes the lessons' one policy (RawHtml) on its way to the page.
                    new NodeRenderingHandler<>(HtmlBlock.class, this::rawBlock),
                    new NodeRenderingHandler<>(HtmlCommentBlock.class, this::rawBlock),
                    new NodeRenderingHandler<>(HtmlInnerBlock.class, this::rawBlock),
                    new NodeRenderingHandler<>(HtmlInnerBlockComment.class, this::rawBlock),
                    new NodeRenderingHandler<>(HtmlInline.class, this::rawInline),
                    new NodeRenderingHandler<>(HtmlInlineComment.class, this::rawInline),
                    new NodeRenderingHandler<>(TableBlock.class, (node, context, html) -> {
                        html.raw("<div class=\"table-wrap\">");
                        context.delegateRender();
                        html.raw("</div>").line();
                    }));
        }

        private void rawBlock(Node node, NodeRendererContext context, HtmlWriter html) {
            int line = lineOf(node);
            String clean = RawHtml.clean(node.getChars().toString(), (offset, message) -> page.warn(line == 0 ? 0 : line + offset, message));
            html.line();
            html.raw(clean);
            html.line();
        }

        private void rawInline(Node node, NodeRendererContext context, HtmlWriter html) {
            int line = lineOf(node);
            html.raw(RawHtml.clean(node.getChars().toString(), (offset, message) -> page.warn(line == 0 ? 0 : line + offset, message)));
        }

        private void heading(Heading heading, NodeRendererContext context, HtmlWriter html) {
            int level = Math.min(6, heading.getLevel() + (page.shiftHeadings ? 1 : 0));
            String text = page.stash.plain(new TextCollectingVisitor().collectAndGetText(heading)).strip();
            Attributes extra = attributesOf(heading);
            String id = extra.id().isEmpty() ? page.ids.unique(Ids.slug(text)) : extra.id();
            if (topLevel && (level == 2 || level == 3) && !extra.has("no_toc")) {
                page.headings.add(new Lesson.TocEntry(level, id, text, List.of()));
            }
            html.raw("<h" + level + attributes(extra.withoutId(), "", id) + ">");
            context.renderChildren(heading);
            html.raw("</h" + level + ">").line();
        }

        private void paragraph(Paragraph paragraph, NodeRendererContext context, HtmlWriter html) {
            Image figure = figureImage(paragraph);
            if (figure == null) {
                context.delegateRender();
                return;
            }
            int number = ++page.figures;
            String id = page.ids.unique("figure-" + number);
            html.raw("<figure id=\"" + id + "\">" + image(figure, false) + "<figcaption><span class=\"figure-number\">Figure "
                    + number + ":</span> " + inline(figure.getTitle().unescape()) + "</figcaption></figure>").line();
        }

        /** The image a paragraph holds alone, when it has a title to caption it with. */
        private Image figureImage(Paragraph paragraph) {
            Image image = null;
            for (Node child : paragraph.getChildren()) {
                if (child instanceof Image candidate && image == null) {
                    image = candidate;
                } else if (!(child instanceof Text text && text.getChars().isBlank()) && !(child instanceof SoftLineBreak)) {
                    return null;
                }
            }
            return image != null && !image.getTitle().isBlank() ? image : null;
        }

        private String image(Image image, boolean withTitle) {
            String src = image.getUrl().unescape();
            if (!RawHtml.allowedUrl(src) && !src.startsWith("data:image/")) {
                page.warn(lineOf(image), "dropped the image source \"" + RawHtml.shorten(src)
                        + "\": images may be relative or use http or https");
                src = "";
            }
            checkExists(src, image);
            String alt = new TextCollectingVisitor().collectAndGetText(image);
            String title = withTitle && !image.getTitle().isBlank()
                    ? " title=\"" + Html.escape(image.getTitle().unescape()) + "\"" : "";
            return "<img src=\"" + Html.escape(src) + "\" alt=\"" + Html.escape(alt) + "\"" + title
                    + attributes(attributesOf(image), "", "") + ">";
        }

        private void checkExists(String src, Node node) {
            if (src.startsWith("//") || src.startsWith("http://") || src.startsWith("https://")) {
                page.warn(lineOf(node), "image '" + src + "' loads from another site; save it beside the lesson, "
                        + "so the site stays self-contained");
                return;
            }
            if (src.isEmpty() || src.startsWith("#") || src.startsWith("/") || src.startsWith("data:") || src.contains("://")
                    || src.contains(String.valueOf(Stash.OPEN))) {
                return;
            }
            String path = src.replaceFirst("[?#].*$", "");
            try {
                String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
                Path target = page.file.getParent().resolve(decoded).normalize();
                if (!Files.exists(target)) {
                    page.warn(lineOf(node), "image '" + src + "' not found (looked for " + target + ")");
                }
            } catch (IllegalArgumentException e) { // InvalidPathException included
                page.warn(lineOf(node), "image '" + src + "' is no usable path: " + e.getMessage());
            }
        }

        private void code(Node node, String language, String code, HtmlWriter html) {
            String lang = language.toLowerCase(java.util.Locale.ROOT);
            String langAttributes = lang.isEmpty() ? "" : " data-lang=\"" + Html.escape(lang) + "\"";
            html.line();
            html.openPre(); // keeps the writer from re-indenting the code's lines
            html.raw("<pre" + attributes(attributesOf(node), "code", "") + langAttributes + "><code"
                    + (lang.isEmpty() ? "" : " class=\"language-" + Html.escape(lang) + "\"") + ">"
                    + Highlighter.highlight(lang, code) + "</code></pre>");
            html.closePre();
            html.line();
        }
    }
}
