package io.github.poolbench.lesson;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.safety.Safelist;

/**
 * The one policy for HTML written raw in a lesson: an allow-list (jsoup's {@link Safelist}) of the
 * elements and attributes GTN lessons use and the site's own boxes are made of. Everything else
 * goes, with a warning: scripts and the like with their content, {@code on…} handlers, links to
 * {@code javascript:} and other schemes ({@link UrlPolicy}). Markdown hands raw HTML over a tag at a time (inline) or
 * a block at a time, so the policy works tag by tag: every tag that stays is written anew from its
 * checked name and attributes, and a {@code <} that starts no tag is escaped, so no markup reaches
 * the page that was not checked.
 */
final class RawHtml {

    /** What lessons may write. Documented in docs/writing-lessons.md: keep the two in step. */
    static final Safelist POLICY = Safelist.relaxed()
            .addTags(
                    "details",
                    "summary",
                    "kbd",
                    "abbr",
                    "figure",
                    "figcaption",
                    "hr",
                    "mark",
                    "del",
                    "ins",
                    "s",
                    "samp",
                    "var",
                    "time",
                    "section",
                    "aside",
                    "header",
                    "footer",
                    "wbr")
            .addAttributes(":all", "class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden")
            .addAttributes("details", "open")
            .addAttributes("img", "loading")
            .addAttributes("time", "datetime")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);

    /** Elements whose content goes with them: it is code or a document of its own, never text for the reader. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of(
            "script",
            "style",
            "template",
            "iframe",
            "object",
            "embed",
            "noscript",
            "noembed",
            "noframes",
            "textarea",
            "title",
            "xmp",
            "svg",
            "math",
            "select");

    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href",
            "src",
            "cite",
            "action",
            "formaction",
            "poster",
            "background",
            "longdesc",
            "usemap",
            "srcset",
            "data");
    /** Relative links are checked as if they were on a page of this made-up site. */
    private static final String BASE = "https://lesson.invalid/";

    // CommonMark's grammar of HTML tags, which is what flexmark passes on as raw HTML.
    private static final String NAME = "[A-Za-z][A-Za-z0-9-]*";
    private static final String ATTRIBUTE =
            "\\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?";
    private static final Pattern OPEN = Pattern.compile("<(" + NAME + ")((?:" + ATTRIBUTE + ")*)\\s*/?>");
    private static final Pattern ONE_ATTRIBUTE = Pattern.compile(ATTRIBUTE);
    private static final Pattern CLOSE = Pattern.compile("</(" + NAME + ")\\s*>");
    private static final Pattern OTHER =
            Pattern.compile("<!--(?:-?>|[\\s\\S]*?-->)|<\\?[\\s\\S]*?\\?>|<![A-Za-z][^>]*>|<!\\[CDATA\\[[\\s\\S]*?]]>");

    private RawHtml() {}

    /**
     * The raw HTML with the policy applied.
     *
     * @param warn told the line offset within {@code html} (0 for its first line) and what was dropped
     */
    static String clean(String html, BiConsumer<Integer, String> warn) {
        StringBuilder out = new StringBuilder(html.length());
        String dropping = null; // the element whose content is being dropped
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (dropping != null) {
                Matcher end = Pattern.compile("</" + Pattern.quote(dropping) + "\\s*>", Pattern.CASE_INSENSITIVE)
                        .matcher(html);
                if (!end.find(i)) {
                    break;
                }
                i = end.end();
                dropping = null;
                continue;
            }
            if (lt < 0) {
                out.append(html, i, html.length());
                break;
            }
            out.append(html, i, lt);
            int line =
                    (int) html.substring(0, lt).chars().filter(c -> c == '\n').count();
            Matcher open = OPEN.matcher(html).region(lt, html.length());
            Matcher close = CLOSE.matcher(html).region(lt, html.length());
            Matcher other = OTHER.matcher(html).region(lt, html.length());
            if (open.lookingAt()) {
                String name = open.group(1).toLowerCase(Locale.ROOT);
                if (POLICY.isSafeTag(name)) {
                    out.append(openTag(name, open.group(2), message -> warn.accept(line, message)));
                } else if (DROPPED_WITH_CONTENT.contains(name)) {
                    warn.accept(
                            line,
                            "raw HTML: dropped <" + name
                                    + "> and its content (lessons run no scripts and embed no documents)");
                    dropping = open.group().endsWith("/>") ? null : name;
                } else {
                    warn.accept(
                            line,
                            "raw HTML: dropped the tag <" + name + ">, which lessons may not use (its text stays)");
                }
                i = open.end();
            } else if (close.lookingAt()) {
                String name = close.group(1).toLowerCase(Locale.ROOT);
                if (POLICY.isSafeTag(name)) {
                    out.append("</").append(name).append('>');
                }
                i = close.end();
            } else if (other.lookingAt()) { // comments, declarations: nothing for the reader
                i = other.end();
            } else {
                out.append("&lt;");
                i = lt + 1;
            }
        }
        return out.toString();
    }

    /** The start tag written anew with the attributes the policy allows. */
    private static String openTag(String name, String attributes, java.util.function.Consumer<String> warn) {
        Element element = new Element(Tag.valueOf(name), BASE);
        StringBuilder tag = new StringBuilder("<").append(name);
        Matcher m = ONE_ATTRIBUTE.matcher(attributes);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String raw = m.group(2) == null ? "" : m.group(2);
            String value = Parser.unescapeEntities(
                    raw.startsWith("\"") || raw.startsWith("'") ? raw.substring(1, raw.length() - 1) : raw, true);
            element.attr(key, value);
            Attribute attribute = new Attribute(key, value);
            if (key.startsWith("on")) {
                warn.accept(
                        "raw HTML: dropped the event handler " + key + "= on <" + name + "> (lessons run no scripts)");
            } else if (URL_ATTRIBUTES.contains(key) && !UrlPolicy.allowsLink(value)) {
                warn.accept(UrlPolicy.refusedAttribute(name, key, value).orElseThrow());
            } else if (!POLICY.isSafeAttribute(name, element, attribute)) {
                warn.accept(
                        "raw HTML: dropped the attribute " + key + "= on <" + name + ">, which lessons may not use");
            } else {
                tag.append(' ')
                        .append(key)
                        .append("=\"")
                        .append(Html.escape(value))
                        .append('"');
            }
        }
        return tag.append('>').toString();
    }
}
