package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Markdown to HTML with flexmark, plus what GTN's kramdown and plugins add. Parsing knows the
 * dialect's syntax through two extensions ({@link AttributeLine} lines and {@link LiquidParser}
 * tags); the dialect's extensions ({@link LiquidExtension}, {@link AttributeListExtension},
 * {@link BoxExtension}, {@link IdsExtension}) turn the tree into resolved tags, result nodes, boxes and ids;
 * the policies that warn (raw HTML, image sources, link targets) run once on the tree when the
 * lesson loads; the node renderers here write it, once, when the site has bound the result nodes:
 * boxes, Liquid, results, attribute lists on the block (or image, link) they belong to, figures with
 * numbered captions from image titles, tables that scroll, and code highlighted at build time.
 */
final class Markdown {

    private static final MutableDataSet OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .set(TablesExtension.CLASS_NAME, "")
            // not flexmark's filter (lower-case javascript: only, silently): provide() checks every link, with a
            // warning
            .set(HtmlRenderer.SUPPRESSED_LINKS, "");
    /**
     * Lessons: the dialect's extensions, registered with the parser, in the order Jekyll works (each
     * pass names the one it runs after); Liquid tags and outputs in link targets
     * ({@code [home]({{ site.baseurl }}/)}) hold spaces.
     */
    private static final MutableDataSet LESSON_OPTIONS = new MutableDataSet(OPTIONS)
            .set(Parser.SPACE_IN_LINK_URLS, true)
            .set(
                    Parser.EXTENSIONS,
                    List.of(
                            TablesExtension.create(),
                            new LiquidExtension(),
                            new AttributeListExtension(),
                            new BoxExtension(),
                            new IdsExtension()));
    /** Front matter items and figure captions, which Jekyll hands to kramdown without Liquid. */
    private static final Parser INLINE_PARSER = Parser.builder(OPTIONS).build();

    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+");
    /** Attributes an attribute list may set as they are; any other name becomes {@code data-name}. */
    private static final Set<String> KNOWN_ATTRIBUTES = Set.of(
            "title",
            "lang",
            "dir",
            "role",
            "hidden",
            "tabindex",
            "translate",
            "cite",
            "start",
            "reversed",
            "width",
            "height",
            "alt",
            "colspan",
            "rowspan",
            "scope",
            "loading");

    private final ParseContext parse;
    private final HtmlRenderer renderer;
    /** True while inline text (a caption, an objective) is checked: its offsets are no lines of the file. */
    private boolean inlineText;
    /** What the result nodes render as, during a render. */
    private ResultHtml results = node -> "";
    /** The level the heading being rendered alone is shown at (an index finding's h3); 0 for its own. */
    private int headingLevel;
    /** The top-level nodes a render of part of the body writes; null for all of it. */
    private List<Node> only;

    Markdown(ParseContext parse) {
        this.parse = parse;
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

    /**
     * Parses and checks a lesson's body; it renders later, once. {@code source} is the whole file with
     * the front matter blanked out, so that flexmark's offsets give the file's lines and columns.
     */
    LessonBody body(String source) {
        parse.source(source);
        // the lesson's context goes to the extensions' passes in the document's data (ParseContext.KEY)
        Document document = Parser.builder(new MutableDataSet(LESSON_OPTIONS).set(ParseContext.KEY, parse))
                .build()
                .parse(source);
        check(document);
        return new LessonBody(document, this, parse);
    }

    /** One line of inline Markdown (an objective, a caption) without the paragraph around it. */
    String inline(String markdown) {
        Document document = INLINE_PARSER.parse(markdown);
        AttributeListExtension.inlineAttributes(document, parse);
        boolean outer = inlineText;
        inlineText = true; // a caption's offsets are no lines of the file
        try {
            check(document);
        } finally {
            inlineText = outer;
        }
        String html = renderer.render(document).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * Some of the body's top-level nodes (all when {@code nodes} is null) as HTML, each result node
     * written by {@code results}. The document renders, writing only those nodes, so that each is
     * written as in the whole page (flexmark writes no links in a node rendered apart from its document).
     */
    String render(Document document, List<Node> nodes, ResultHtml results) {
        this.results = results;
        this.only = nodes;
        try {
            return renderer.render(document);
        } finally {
            this.results = n -> "";
            this.only = null;
        }
    }

    /** A top-level heading alone, shown at {@code level}, without the line break after it. */
    String heading(Heading heading, int level) {
        headingLevel = level;
        try {
            return render(heading.getDocument(), List.of(heading), n -> "").stripTrailing();
        } finally {
            headingLevel = 0;
        }
    }

    private int lineOf(Node node) {
        return inlineText ? 0 : parse.line(node);
    }

    /**
     * The policies that can warn, applied once when the text loads, so that rendering reports
     * nothing: raw HTML cleaned, image sources and link targets checked, figure captions made.
     */
    private void check(Document document) {
        for (Node node : document.getDescendants()) {
            switch (node) {
                case HtmlBlock block -> clean(block);
                case HtmlCommentBlock block -> clean(block);
                case HtmlInnerBlock block -> clean(block);
                case HtmlInnerBlockComment block -> clean(block);
                case HtmlInline inline -> clean(inline);
                case HtmlInlineComment inline -> clean(inline);
                case Image image -> parse.imageSources.put(image, imageSource(image));
                case com.vladsch.flexmark.ast.Link link ->
                    checkLink(link, link.getUrl().unescape());
                case com.vladsch.flexmark.ast.AutoLink link ->
                    checkLink(link, link.getText().toString());
                case com.vladsch.flexmark.ast.LinkRef ref
                when ref.isDefined() -> {
                    com.vladsch.flexmark.ast.Reference reference = ref.getReferenceNode(document);
                    if (reference != null) {
                        checkLink(ref, reference.getUrl().unescape());
                    }
                }
                case Paragraph paragraph
                when figureImage(paragraph) != null ->
                    parse.captions.put(
                            paragraph, inline(figureImage(paragraph).getTitle().unescape()));
                default -> {}
            }
        }
    }

    /** Raw HTML, block or inline, passes the lessons' one policy ({@link RawHtml}) on its way to the page. */
    private void clean(Node node) {
        int line = lineOf(node);
        parse.cleanHtml.put(
                node,
                RawHtml.clean(
                        node.getChars().toString(),
                        (offset, message) -> parse.warn(line == 0 ? 0 : line + offset, message)));
    }

    /** The same rule as for raw HTML ({@link UrlPolicy}): a Markdown link may not run script either. */
    private void checkLink(Node node, String url) {
        UrlPolicy.refusedLink(url).ifPresent(message -> parse.warn(lineOf(node), message));
    }

    /** An image's source as the page may show it: empty when the policy drops it. */
    private String imageSource(Image image) {
        String src = image.getUrl().unescape();
        Optional<String> refused = UrlPolicy.refusedImage(src);
        if (refused.isPresent()) {
            parse.warn(lineOf(image), refused.get());
            src = "";
        }
        checkExists(src, image);
        return src;
    }

    private void checkExists(String src, Node node) {
        if (src.startsWith("//") || src.startsWith("http://") || src.startsWith("https://")) {
            parse.warn(
                    lineOf(node),
                    "image '" + src + "' loads from another site; save it beside the lesson, "
                            + "so the site stays self-contained");
            return;
        }
        if (src.isEmpty()
                || src.startsWith("#")
                || src.startsWith("/")
                || src.startsWith("data:")
                || src.contains("://")) {
            return;
        }
        String path = src.replaceFirst("[?#].*$", "");
        try {
            String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            Path target = parse.file.getParent().resolve(decoded).normalize();
            if (!Files.exists(target)) {
                parse.warn(lineOf(node), "image '" + src + "' not found (looked for " + target + ")");
            }
        } catch (IllegalArgumentException e) { // InvalidPathException included
            parse.warn(lineOf(node), "image '" + src + "' is no usable path: " + e.getMessage());
        }
    }

    /** Attribute lists on nodes that flexmark renders itself: paragraphs, lists, quotes, tables, links. */
    private void provide(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableCell && attributes.contains("align")) { // obsolete in HTML5: a style instead
            String align = attributes.getValue("align");
            attributes.remove("align");
            attributes.addValue("style", "text-align:" + align);
        }
        if (attributes.contains("href") && !UrlPolicy.allowsLink(attributes.getValue("href"))) {
            attributes.remove("href"); // warned about when the lesson loaded (check)
        }
        Attributes extra = parse.attributes.get(node);
        if (extra == null || !(part == AttributablePart.NODE || part == AttributablePart.LINK)) {
            return;
        }
        extra.classes().forEach(c -> attributes.addValue("class", c));
        String id = parse.nodeIds.getOrDefault(node, extra.id());
        if (!id.isEmpty()) {
            attributes.replaceValue("id", id);
        }
        others(extra).forEach(attributes::replaceValue);
    }

    /** {@code width="50%"}, common in GTN, is no valid HTML width: it becomes a style. */
    private static Map<String, String> others(Attributes attributes) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        StringBuilder style = new StringBuilder();
        attributes.others().forEach((name, value) -> {
            if ((name.equals("width") || name.equals("height"))
                    && !PLAIN_NUMBER.matcher(value).matches()) {
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
            html.append(" class=\"")
                    .append(Html.escape(String.join(" ", classes)))
                    .append('"');
        }
        others(attributes)
                .forEach((name, value) -> html.append(' ')
                        .append(name)
                        .append("=\"")
                        .append(Html.escape(value))
                        .append('"'));
        return html.toString();
    }

    private Attributes attributesOf(Node node) {
        return parse.attributes.getOrDefault(node, Attributes.NONE);
    }

    /** The image a paragraph holds alone, when it has a title to caption it with. */
    static Image figureImage(Paragraph paragraph) {
        Image image = null;
        for (Node child : paragraph.getChildren()) {
            if (child instanceof Image candidate && image == null) {
                image = candidate;
            } else if (!(child instanceof Text text && text.getChars().isBlank())
                    && !(child instanceof SoftLineBreak)) {
                return null;
            }
        }
        return image != null && !image.getTitle().isBlank() ? image : null;
    }

    private final class Renderers implements NodeRenderer {

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Document.class, (node, context, html) -> {
                        if (only == null) {
                            context.renderChildren(node);
                        } else {
                            only.forEach(context::render);
                        }
                    }),
                    new NodeRenderingHandler<>(Heading.class, this::heading),
                    new NodeRenderingHandler<>(Paragraph.class, this::paragraph),
                    new NodeRenderingHandler<>(Image.class, (node, context, html) -> html.raw(image(node, true))),
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::fence),
                    new NodeRenderingHandler<>(
                            IndentedCodeBlock.class,
                            (node, context, html) -> code(
                                    node,
                                    "",
                                    LiquidExtension.withoutRawMarkers(
                                            node.getContentChars().toString()),
                                    html)),
                    new NodeRenderingHandler<>(LiquidNode.class, this::liquid),
                    new NodeRenderingHandler<>(ResultNode.Chart.class, this::result),
                    new NodeRenderingHandler<>(ResultNode.Table.class, this::result),
                    new NodeRenderingHandler<>(ResultNode.Measured.class, this::result),
                    new NodeRenderingHandler<>(ResultNode.Compare.class, this::result),
                    new NodeRenderingHandler<>(com.vladsch.flexmark.ast.Code.class, (node, context, html) -> {
                        html.withAttr().tag("code");
                        html.text(com.vladsch.flexmark.util.sequence.Escaping.collapseWhitespace(
                                LiquidExtension.withoutRawMarkers(node.getText().toString()), true));
                        html.tag("/code");
                    }),
                    new NodeRenderingHandler<>(Box.class, this::box),
                    new NodeRenderingHandler<>(Box.Title.class, (node, context, html) -> context.renderChildren(node)),
                    new NodeRenderingHandler<>(Box.Wrapper.class, this::wrapper),
                    new NodeRenderingHandler<>(
                            Box.Toc.class, (node, context, html) -> html.raw(LessonLoader.tocHtml(parse.toc))),
                    // Raw HTML as check() cleaned it.
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
            html.line();
            html.raw(parse.cleanHtml.getOrDefault(node, ""));
            html.line();
        }

        private void rawInline(Node node, NodeRendererContext context, HtmlWriter html) {
            html.raw(parse.cleanHtml.getOrDefault(node, ""));
        }

        /** A chart or table stands on lines of its own, then a line break; a number or verdict stays in its sentence. */
        private void result(ResultNode node, NodeRendererContext context, HtmlWriter html) {
            if (node.kind().block()) {
                html.line();
                html.raw(results.html(node) + "\n");
            } else {
                html.raw(results.html(node));
            }
        }

        private void heading(Heading heading, NodeRendererContext context, HtmlWriter html) {
            int level = headingLevel > 0 ? headingLevel : parse.level(heading);
            Attributes extra = attributesOf(heading);
            String id = parse.nodeIds.getOrDefault(heading, ""); // IdsExtension gives every body heading one
            html.raw("<h" + level + attributes(extra.withoutId(), "", id) + ">");
            context.renderChildren(heading);
            html.raw("</h" + level + ">").line();
        }

        private void paragraph(Paragraph paragraph, NodeRendererContext context, HtmlWriter html) {
            Image figure = figureImage(paragraph);
            Integer number = parse.figureNumbers.get(paragraph); // numbered by IdsExtension
            if (figure == null || number == null) {
                context.delegateRender();
                return;
            }
            html.raw("<figure id=\"" + parse.nodeIds.get(paragraph) + "\">" + image(figure, false)
                            + "<figcaption><span class=\"figure-number\">Figure " + number + ":</span> "
                            + parse.captions.getOrDefault(paragraph, "") + "</figcaption></figure>")
                    .line();
        }

        private void fence(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            code(
                    node,
                    node.getInfo().toString().strip().split("[\\s{]")[0],
                    LiquidExtension.withoutRawMarkers(node.getContentChars().toString()),
                    html);
        }

        private void liquid(LiquidNode node, NodeRendererContext context, HtmlWriter html) {
            if (node.kind == LiquidNode.Kind.ABBREVIATION && node.resolved instanceof String meaning) {
                html.raw("<abbr title=\"" + Html.escape(meaning) + "\">" + Html.escape(node.name) + "</abbr>");
                return;
            }
            if (node.kind != LiquidNode.Kind.TAG) {
                context.renderChildren(node); // the text it stands for
                return;
            }
            String first = node.first();
            switch (node.name) {
                case "icon" -> html.raw(Icons.inline(first));
                case "cite" -> {
                    Lesson.Citation citation = (Lesson.Citation) node.resolved;
                    html.raw("<a class=\"citation\" href=\"#" + citation.id() + "\" title=\"" + Html.escape(first)
                            + "\">[" + citation.number() + "]</a>");
                }
                case "tool" -> html.raw("<span class=\"tool\">" + Html.escape((String) node.resolved) + "</span>");
                case "include", "snippet" ->
                    html.raw("<span class=\"missing-snippet\" role=\"note\">This part of the lesson ("
                            + Html.escape(first) + ") is not available on this site.</span>");
                default -> context.renderChildren(node);
            }
        }

        private void box(Box box, NodeRendererContext context, HtmlWriter html) {
            String css = box.css();
            String label = box.label();
            boolean titled = box.title().hasChildren();
            boolean collapsible = box.known.map(t -> t.collapsible).orElse(false);
            // {: .tip .open} keeps a collapsible box open: for a tip that carries the argument.
            boolean open = collapsible && box.attributes.has("open");
            Attributes shown = open ? box.attributes.withoutId().withoutClass("open") : box.attributes.withoutId();
            String attributes = attributes(shown, "box box-" + css, box.id) + (open ? " open" : "");
            boolean nav = box.known.filter(t -> t == BoxType.AGENDA).isPresent();
            String element = collapsible ? "details" : nav ? "nav" : "div";
            String titleElement = collapsible ? "summary" : "div";
            html.line();
            html.raw("<" + element + attributes + (nav ? " aria-label=\"" + Html.escape(label) + "\"" : "") + "><"
                    + titleElement + " class=\"box-title\">" + Icons.svg(css) + "<span>");
            if (!box.writtenOut || !titled) {
                html.raw(Html.escape(label) + (titled ? ": " : ""));
            }
            context.render(box.title());
            html.raw("</span></" + titleElement + ">\n<div class=\"box-content\">\n");
            for (Node child = box.title().getNext(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.line();
            html.raw("</div>\n</" + element + ">\n");
        }

        private void wrapper(Box.Wrapper wrapper, NodeRendererContext context, HtmlWriter html) {
            Attributes closing = wrapper.attributes;
            html.line();
            if (!wrapper.quote) {
                html.raw("<div" + attributes(closing, "code-2col", "") + ">\n");
                context.renderChildren(wrapper);
                html.line();
                html.raw("</div>\n");
                return;
            }
            // GTN's {: .quote author="…" cite="…"}: the quote, attributed below it
            Map<String, String> others = new java.util.LinkedHashMap<>(closing.others());
            String author = others.remove("author");
            String cite = others.getOrDefault("cite", "");
            Attributes rest = new Attributes(
                    closing.classes().stream().filter(c -> !c.equals("quote")).toList(), "", others);
            String source = cite.startsWith("http://") || cite.startsWith("https://")
                    ? "<a href=\"" + Html.escape(cite) + "\">" + Html.escape(author) + "</a>"
                    : Html.escape(author);
            html.raw("<figure" + attributes(closing.withoutId().withClasses(List.of()), "quote", closing.id())
                    + ">\n<blockquote" + attributes(rest, "", "") + ">\n");
            context.renderChildren(wrapper);
            html.line();
            html.raw("</blockquote>\n<figcaption>— " + source + "</figcaption>\n</figure>\n");
        }

        private String image(Image image, boolean withTitle) {
            String src = parse.imageSources.getOrDefault(image, ""); // checked when the lesson loaded
            String alt = new TextCollectingVisitor().collectAndGetText(image);
            String title = withTitle && !image.getTitle().isBlank()
                    ? " title=\"" + Html.escape(image.getTitle().unescape()) + "\""
                    : "";
            return "<img src=\"" + Html.escape(src) + "\" alt=\"" + Html.escape(alt) + "\"" + title
                    + attributes(attributesOf(image), "", "") + ">";
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
