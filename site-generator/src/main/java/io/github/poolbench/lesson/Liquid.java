package io.github.poolbench.lesson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first pass over a lesson's text, standing in for Jekyll's Liquid and GTN's abbreviation
 * plugin: tags ({@code {% icon %}}, {@code {% raw %}}, {@code {% cite %}}, {@code {% measured %}}, {@code {% compare %}}, …),
 * {@code {{ site.baseurl }}} and {@code {ABBR}} become text or {@link Stash} tokens, and result fences
 * ({@code ```chart}, {@code ```results}) become placeholders. Code (fenced blocks and inline
 * spans) is left as written, apart from dropping {@code raw} markers. Lines keep their numbers.
 */
final class Liquid {

    /** Blockquote markers in front of a line's content, nested ones included. */
    static final Pattern QUOTES = Pattern.compile("^(?:[ \\t]*>[ \\t]?)*");
    static final Pattern FENCE = Pattern.compile("^([ \\t]*)(`{3,}|~{3,})[ \\t]*([^\\s`{]*)[^`]*$");
    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*(\\w+)\\s*(.*?)\\s*-?%}");
    private static final Pattern OUTPUT = Pattern.compile("\\{\\{-?\\s*(.*?)\\s*-?}}");
    private static final Pattern ABBREVIATION = Pattern.compile("\\{([A-Za-z][\\w-]*)}");
    private static final Pattern TOOL = Pattern.compile("\\[([^\\]]*)]\\(([^)]*)\\)");
    private static final List<String> RESULT_KINDS = List.of("chart", "results");

    private final Page page;
    private String fence = "";
    private boolean inRaw;
    private int rawLine;
    private boolean inComment;

    private Liquid(Page page) {
        this.page = page;
    }

    static List<Line> process(List<Line> lines, Page page) {
        return new Liquid(page).run(lines);
    }

    private List<Line> run(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String prefix = prefix(line.text());
            String content = line.text().substring(prefix.length());
            if (!fence.isEmpty()) {
                if (closes(content, fence)) {
                    fence = "";
                }
                out.add(line.withText(code(line.text(), line.number())));
                continue;
            }
            Matcher open = FENCE.matcher(content);
            if (open.matches() && !inComment) {
                if (!inRaw && open.group(2).startsWith("`") && RESULT_KINDS.contains(open.group(3))) {
                    int end = closingFence(lines, i, open.group(2));
                    if (end > i) {
                        out.add(line.withText(prefix + resultBlock(open.group(3), lines.subList(i + 1, end), open.group(1))));
                        i = end;
                        continue;
                    }
                    page.warn(line.number(), "the ```" + open.group(3) + " block is never closed; shown as code");
                }
                fence = open.group(2);
                out.add(line.withText(code(line.text(), line.number())));
                continue;
            }
            if (!inRaw && !inComment && content.startsWith("# ")) {
                page.shiftHeadings = true;
            }
            out.add(line.withText(prose(line)));
        }
        if (inRaw) {
            page.warn(rawLine, "{% raw %} is never closed with {% endraw %}");
        }
        return out;
    }

    static String prefix(String text) {
        Matcher m = QUOTES.matcher(text);
        m.lookingAt();
        return m.group();
    }

    static boolean closes(String content, String fence) {
        String stripped = content.strip();
        return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fence.charAt(0));
    }

    private static int closingFence(List<Line> lines, int open, String fence) {
        String prefix = prefix(lines.get(open).text());
        for (int j = open + 1; j < lines.size(); j++) {
            String text = lines.get(j).text();
            if (!prefix(text).strip().equals(prefix.strip())) {
                return -1; // left the box the fence opened in
            }
            if (closes(text.substring(prefix(text).length()), fence)) {
                return j;
            }
        }
        return -1;
    }

    private String resultBlock(String kind, List<Line> body, String indent) {
        StringBuilder yaml = new StringBuilder();
        for (Line line : body) {
            String content = line.text().substring(prefix(line.text()).length());
            yaml.append(content.startsWith(indent) ? content.substring(indent.length()) : content.stripLeading()).append('\n');
        }
        int firstLine = body.isEmpty() ? 0 : body.getFirst().number();
        ResultBlock block = new ResultBlock(page.blocks.size() + 1, kind, yaml.toString(), page.at(firstLine));
        page.blocks.add(block);
        return block.placeholder();
    }

    /** Code stays verbatim; only {@code {% raw %}} markers go, as Jekyll drops them everywhere. */
    private String code(String text, int line) {
        StringBuilder out = new StringBuilder();
        Matcher tag = TAG.matcher(text);
        int last = 0;
        while (tag.find()) {
            if (tag.group(1).equals("raw") || tag.group(1).equals("endraw")) {
                out.append(text, last, tag.start());
                last = tag.end();
                inRaw = tag.group(1).equals("raw");
                rawLine = line;
            }
        }
        return out.append(text.substring(last)).toString();
    }

    private String prose(Line line) {
        String s = line.text();
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (inComment || inRaw) {
                Matcher end = endOf(s, i, inComment ? "endcomment" : "endraw");
                int stop = end == null ? s.length() : end.start();
                if (inRaw) {
                    out.append(s, i, stop);
                }
                if (end == null) {
                    break;
                }
                inComment = false;
                inRaw = false;
                i = end.end();
                continue;
            }
            char c = s.charAt(i);
            if (c == '`') {
                int run = run(s, i);
                int close = closingRun(s, i + run, run);
                if (close < 0) {
                    out.append(s, i, i + run);
                    i += run;
                } else {
                    out.append(code(s.substring(i, close + run), line.number()));
                    i = close + run;
                }
                continue;
            }
            if (s.startsWith("{%", i)) {
                Matcher tag = TAG.matcher(s).region(i, s.length());
                if (tag.lookingAt()) {
                    out.append(tag(tag.group(1), tag.group(2), line.number(), i + 1));
                    i = tag.end();
                } else {
                    page.warn(line.number(), i + 1, "a Liquid tag opened with {% is not closed with %} on the same line");
                    out.append("{%");
                    i += 2;
                }
                continue;
            }
            if (s.startsWith("{{", i)) {
                Matcher output = OUTPUT.matcher(s).region(i, s.length());
                if (output.lookingAt()) {
                    out.append(output(output.group(1), line.number(), i + 1));
                    i = output.end();
                    continue;
                }
            }
            if (c == '{') {
                Matcher abbreviation = ABBREVIATION.matcher(s).region(i, s.length());
                if (abbreviation.lookingAt()) {
                    String replaced = abbreviation(abbreviation.group(1), line.number(), i + 1);
                    if (replaced != null) {
                        out.append(replaced);
                        i = abbreviation.end();
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static Matcher endOf(String s, int from, String name) {
        Matcher tag = TAG.matcher(s).region(from, s.length());
        while (tag.find()) {
            if (tag.group(1).equals(name)) {
                return tag;
            }
        }
        return null;
    }

    private static int run(String s, int at) {
        int end = at;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end - at;
    }

    /** Where a backtick run of exactly {@code length} starts after {@code from}, or -1. */
    private static int closingRun(String s, int from, int length) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int run = run(s, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private String tag(String name, String args, int line, int column) {
        String first = args.isEmpty() ? "" : args.split("\\s+")[0];
        switch (name) {
            case "raw" -> {
                inRaw = true;
                rawLine = line;
            }
            case "comment" -> inComment = true;
            case "endraw", "endcomment" -> { }
            case "icon" -> {
                return page.stash.icon(first, Icons.inline(first), "");
            }
            case "cite" -> {
                return cite(first);
            }
            case "measured", "compare" -> {
                ResultBlock block = new ResultBlock(page.blocks.size() + 1, name.equals("measured") ? "value" : name, args,
                        page.at(line, column));
                page.blocks.add(block);
                // a token, so the placeholder stays inline even at the start of a line
                return page.stash.inline(block.placeholder(), "");
            }
            case "link" -> {
                return link(first, line, column);
            }
            case "tool" -> {
                Matcher tool = TOOL.matcher(args);
                String label = tool.find() ? tool.group(1) : args;
                return page.stash.inline("<span class=\"tool\">" + Html.escape(label) + "</span>", label);
            }
            case "include", "snippet" -> {
                page.warn(line, column, "cannot include '" + first + "': GTN's " + name + "s are not available on this site; "
                        + "a note stands in its place");
                return page.stash.inline("<span class=\"missing-snippet\" role=\"note\">This part of the lesson ("
                        + Html.escape(first) + ") is not available on this site.</span>", "");
            }
            default -> page.warn(line, column, "cannot resolve the Liquid tag {% " + name + " %}; it is left out");
        }
        return "";
    }

    private String cite(String key) {
        Lesson.Citation citation = page.citations.computeIfAbsent(key,
                k -> new Lesson.Citation(k, page.ids.unique("citation-" + Ids.slug(k)), page.citations.size() + 1));
        String label = "[" + citation.number() + "]";
        return page.stash.inline("<a class=\"citation\" href=\"#" + citation.id() + "\" title=\"" + Html.escape(key) + "\">"
                + label + "</a>", label);
    }

    private String link(String target, int line, int column) {
        Path file = page.contentRoot.resolve(target.replaceFirst("^/", "")).normalize();
        if (!Files.exists(file)) {
            page.warn(line, column, "{% link " + target + " %}: no such file under the content folder");
        }
        return page.root + target.replaceFirst("^/", "").replaceFirst("\\.md$", ".html");
    }

    private String output(String expression, int line, int column) {
        if (expression.equals("site.baseurl")) {
            return page.root.isEmpty() ? "." : page.root.substring(0, page.root.length() - 1);
        }
        page.warn(line, column, "cannot resolve the Liquid output {{ " + expression + " }}; it is left out");
        return "";
    }

    /** The abbreviation's text, or {@code null} when the braces are no abbreviation at all. */
    private String abbreviation(String name, int line, int column) {
        Map<String, String> defined = page.meta.abbreviations();
        String meaning = defined.get(name);
        if (meaning != null) {
            if (page.abbreviationsSeen.add(name)) {
                return meaning + " (" + name + ")";
            }
            return page.stash.inline("<abbr title=\"" + Html.escape(meaning) + "\">" + Html.escape(name) + "</abbr>", name);
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            page.warn(line, column, "undefined abbreviation {" + name + "}: add it under 'abbreviations:' in the front matter; "
                    + "shown as plain text");
            return name;
        }
        return null;
    }
}
