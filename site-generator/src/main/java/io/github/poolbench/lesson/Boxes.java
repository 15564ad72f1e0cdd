package io.github.poolbench.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block pass: finds GTN boxes ({@code > <question-title>…} … {@code {: .question}}), which
 * Markdown itself reads as blockquotes with a stray attribute line, and renders each into HTML,
 * inner boxes first, leaving a {@link Stash} token in its place. What is left is plain Markdown:
 * list items keep a box inside them, as GTN's hands-on steps do. Attribute lines ({@code {: .x}}),
 * heading ids ({@code {#id}}) and {@code 1. TOC {:toc}} become markers for {@link Markdown}.
 */
final class Boxes {

    private static final Pattern QUOTED = Pattern.compile("^([ \\t]*)>[ \\t]?(.*)$");
    private static final Pattern TITLE = Pattern.compile("^[ \\t]*<([A-Za-z][\\w-]*)-title>(.*?)</\\1-title>[ \\t]*(.*)$");
    private static final Pattern OLD_TITLE = Pattern.compile(
            "^[ \\t]*#{1,6}[ \\t]+(" + Stash.OPEN + "\\d+" + Stash.CLOSE + ")[ \\t]*(.*?)[ \\t#]*$");
    private static final Pattern TOC_ITEM = Pattern.compile("^[ \\t]*(?:\\d+\\.|[*+-])[ \\t]+TOC[ \\t]*$");
    private static final Pattern TOC_LINE = Pattern.compile("^[ \\t]*\\{:[ \\t]*toc[ \\t]*}[ \\t]*$");
    private static final Pattern HEADING_ID = Pattern.compile("^([ \\t]*#{1,6}[ \\t].*?)[ \\t]*\\{#([A-Za-z][\\w:.-]*)}[ \\t]*$");
    static final Pattern ATTRIBUTE_MARKER = Pattern.compile("^<!--poolbench-ial:(\\d+):(prev|next)-->$");
    static final String TOC_MARKER = "<!--poolbench:toc-->";

    private final Page page;
    private final Markdown markdown;

    Boxes(Page page, Markdown markdown) {
        this.page = page;
        this.markdown = markdown;
    }

    /** Renders lesson text (after {@link Liquid}) to HTML that may still hold tokens. */
    String render(List<Line> lines, boolean topLevel) {
        return markdown.render(flatten(lines), topLevel);
    }

    /** A blockquote run: its lines without one level of {@code >}, and how it was closed. */
    private record Run(String indent, List<Line> inner, Optional<Attributes> closing, int lastLine) {}

    private List<Line> flatten(List<Line> lines) {
        List<Line> out = new ArrayList<>();
        String fence = "";
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.text();
            if (!fence.isEmpty()) {
                if (Liquid.closes(text, fence)) {
                    fence = "";
                }
                out.add(line);
                continue;
            }
            Matcher open = Liquid.FENCE.matcher(text);
            if (open.matches()) {
                fence = open.group(2);
                out.add(line);
                continue;
            }
            Matcher quoted = QUOTED.matcher(text);
            if (quoted.matches()) {
                Run run = run(lines, i, quoted.group(1));
                if (isBox(run)) {
                    out.add(new Line(line.number(), ""));
                    out.add(line.withText(run.indent() + page.stash.block(box(run, line.number()))));
                    out.add(new Line(line.number(), ""));
                    i = run.lastLine();
                    continue;
                }
            }
            if (TOC_ITEM.matcher(text).matches() && i + 1 < lines.size() && TOC_LINE.matcher(lines.get(i + 1).text()).matches()) {
                out.add(line.withText(page.stash.block(TOC_MARKER)));
                i++;
                continue;
            }
            if (TOC_LINE.matcher(text).matches()) {
                out.add(line.withText(page.stash.block(TOC_MARKER)));
                continue;
            }
            Matcher attributes = Attributes.LINE.matcher(text);
            if (attributes.matches()) {
                Attributes parsed = Attributes.parse(attributes.group(1));
                Optional<String> boxClass = parsed.classes().stream().filter(c -> BoxType.of(c).isPresent()).findFirst();
                if (boxClass.isPresent()) {
                    page.warn(line.number(), "{: ." + boxClass.get() + "} closes no box: the line above it does not start with '>'");
                    continue;
                }
                boolean previous = !out.isEmpty() && !out.getLast().isBlank();
                out.add(line.withText(indent(text) + marker(parsed, previous)));
                continue;
            }
            Matcher headingId = HEADING_ID.matcher(text);
            if (headingId.matches()) {
                out.add(line.withText(headingId.group(1)));
                out.add(line.withText(marker(Attributes.parse("#" + headingId.group(2)), true)));
                continue;
            }
            out.add(line);
        }
        return out;
    }

    private String marker(Attributes attributes, boolean previous) {
        page.pendingAttributes.add(attributes);
        return "<!--poolbench-ial:" + (page.pendingAttributes.size() - 1) + ":" + (previous ? "prev" : "next") + "-->";
    }

    private static String indent(String text) {
        return text.substring(0, text.length() - text.stripLeading().length());
    }

    /** The lines of the blockquote starting at {@code start}, and the attribute line closing it, if any. */
    private Run run(List<Line> lines, int start, String indent) {
        List<Line> inner = new ArrayList<>();
        int i = start;
        while (i < lines.size()) {
            Matcher quoted = QUOTED.matcher(lines.get(i).text());
            if (!quoted.matches() || !sameIndent(quoted.group(1), indent)) {
                break;
            }
            inner.add(lines.get(i).withText(quoted.group(2)));
            i++;
        }
        int next = i;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        if (next < lines.size() && !TOC_LINE.matcher(lines.get(next).text()).matches()) {
            Matcher closing = Attributes.LINE.matcher(lines.get(next).text());
            if (closing.matches()) {
                return new Run(indent, inner, Optional.of(Attributes.parse(closing.group(1))), next);
            }
        }
        return new Run(indent, inner, Optional.empty(), i - 1);
    }

    /** Markdown's own indentation rules: up to three spaces is the same level. */
    private static boolean sameIndent(String a, String b) {
        return a.equals(b) || (a.length() <= 3 && b.length() <= 3);
    }

    /** Deeply indented quotes are code or list content unless they clearly are a GTN box. */
    private boolean isBox(Run run) {
        return run.indent().length() <= 3 || run.closing().isPresent()
                || run.inner().stream().anyMatch(l -> TITLE.matcher(l.text()).matches());
    }

    private String box(Run run, int firstLine) {
        List<Line> inner = new ArrayList<>(run.inner());
        int titleAt = 0;
        while (titleAt < inner.size() && inner.get(titleAt).isBlank()) {
            titleAt++;
        }
        String titleType = null;
        String title = "";
        boolean writtenOut = false;
        if (titleAt < inner.size()) {
            Line first = inner.get(titleAt);
            Matcher tag = TITLE.matcher(first.text());
            Matcher old = OLD_TITLE.matcher(first.text());
            Stash.Entry icon = old.matches() ? page.stash.entryAt(old.group(1)) : null;
            if (tag.matches()) {
                titleType = tag.group(1);
                title = tag.group(2).strip();
                inner.set(titleAt, first.withText(tag.group(3)));
            } else if (icon != null && !icon.icon().isEmpty()) {
                titleType = icon.icon();
                title = old.group(2).strip();
                writtenOut = true;
                inner.remove(titleAt);
                String modern = BoxType.of(icon.icon()).map(t -> t.css).orElse(icon.icon());
                page.warn(first.number(), "old box title form '### {% icon " + icon.icon() + " %} …': write <"
                        + modern + "-title>…</" + modern + "-title> instead; rendered as a box all the same");
            }
        }
        Attributes closing = run.closing().orElse(new Attributes(List.of(), "", java.util.Map.of()));
        String closingType = closing.classes().stream().filter(c -> BoxType.of(c).isPresent()).findFirst()
                .orElse(closing.classes().isEmpty() || closing.has("code-2col") ? null : closing.classes().getFirst());
        if (titleType == null) {
            if (closing.has("code-2col")) {
                return "<div" + Markdown.attributes(closing, "code-2col", "") + ">\n" + render(inner, false) + "</div>\n";
            }
            if (closing.has("quote") && closing.others().containsKey("author")) {
                return quote(closing, inner);
            }
            if (closingType == null || BoxType.of(closingType).isEmpty()) {
                return "<blockquote" + Markdown.attributes(closing, "", "") + ">\n" + render(inner, false) + "</blockquote>\n";
            }
        }
        String type = titleType;
        if (type == null) {
            type = closingType;
        } else if (run.closing().isEmpty()) {
            page.warn(firstLine, "the " + type + " box starting here is never closed with {: ." + type + "}; it ends at line "
                    + run.inner().getLast().number());
        } else if (closingType != null && !sameType(type, closingType)) {
            page.warn(firstLine, "the box titled <" + type + "-title> is closed with {: ." + closingType + "}; shown as a "
                    + closingType + " box");
            type = closingType;
        }
        Optional<BoxType> known = BoxType.of(type);
        if (known.isEmpty()) {
            page.warn(firstLine, "unknown box type '" + type + "' (known: " + BoxType.known() + "); shown as a plain box");
        }
        return box(known, type, title, writtenOut, closing, inner);
    }

    /** GTN's {@code {: .quote author="…" cite="…"}}: the quote, attributed below it. */
    private String quote(Attributes closing, List<Line> inner) {
        java.util.Map<String, String> others = new java.util.LinkedHashMap<>(closing.others());
        String author = others.remove("author");
        String cite = others.getOrDefault("cite", "");
        Attributes rest = new Attributes(closing.classes().stream().filter(c -> !c.equals("quote")).toList(), "", others);
        String source = cite.startsWith("http://") || cite.startsWith("https://")
                ? "<a href=\"" + Html.escape(cite) + "\">" + Html.escape(author) + "</a>" : Html.escape(author);
        return "<figure" + Markdown.attributes(closing.withoutId().withClasses(List.of()), "quote", closing.id()) + ">\n<blockquote"
                + Markdown.attributes(rest, "", "") + ">\n" + render(inner, false) + "</blockquote>\n<figcaption>— " + source
                + "</figcaption>\n</figure>\n";
    }

    private static boolean sameType(String a, String b) {
        return a.replace('_', '-').equalsIgnoreCase(b.replace('_', '-'));
    }

    private String box(Optional<BoxType> known, String name, String title, boolean writtenOut, Attributes closing, List<Line> inner) {
        String css = known.map(t -> t.css).orElse(Ids.slug(name));
        String label = known.map(t -> t.label).orElse(capitalize(name.replace('_', ' ').replace('-', ' ')));
        String plainTitle = page.stash.plain(title);
        String id = closing.id().isEmpty() ? page.ids.unique(Ids.slug(css + "-" + plainTitle)) : page.ids.claim(closing.id());
        String heading = writtenOut && !title.isEmpty() ? markdown.inline(title)
                : title.isEmpty() ? Html.escape(label) : Html.escape(label) + ": " + markdown.inline(title);
        String titleHtml = Icons.svg(css) + "<span>" + heading + "</span>";
        boolean collapsible = known.map(t -> t.collapsible).orElse(false);
        // {: .tip .open} keeps a collapsible box open: for a tip that carries the argument.
        boolean open = collapsible && closing.has("open");
        Attributes shown = open ? closing.withoutId().withoutClass("open") : closing.withoutId();
        String attributes = Markdown.attributes(shown, "box box-" + css, id) + (open ? " open" : "");
        String content = "<div class=\"box-content\">\n" + render(inner, false) + "</div>\n";
        if (collapsible) {
            return "<details" + attributes + "><summary class=\"box-title\">" + titleHtml + "</summary>\n" + content + "</details>\n";
        }
        String element = known.filter(t -> t == BoxType.AGENDA).isPresent() ? "nav" : "div";
        String labelled = element.equals("nav") ? " aria-label=\"" + Html.escape(label) + "\"" : "";
        return "<" + element + attributes + labelled + "><div class=\"box-title\">" + titleHtml + "</div>\n" + content
                + "</" + element + ">\n";
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
