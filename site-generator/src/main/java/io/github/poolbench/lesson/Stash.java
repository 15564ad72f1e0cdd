package io.github.poolbench.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML produced before Markdown runs (icons, abbreviations, rendered boxes) waits here while the
 * lesson text holds a short token in its place. Tokens are private-use characters, which Markdown
 * treats as plain text, so they survive parsing untouched wherever they sit: in a paragraph, a
 * list item or a table cell. {@link #restore} swaps the HTML back in after rendering.
 */
final class Stash {

    static final char OPEN = '\uE000';
    static final char CLOSE = '\uE001';
    private static final Pattern TOKEN = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    private static final Pattern BLOCK_PARAGRAPH = Pattern.compile("<p>(" + OPEN + "\\d+" + CLOSE + ")</p>\\n?");

    /**
     * @param html  what the token becomes in page content
     * @param text  what it becomes where markup cannot go: attribute values, headings' ids, the TOC
     * @param block whether it stands for a block (a box), which replaces the paragraph around it
     * @param icon  the icon's name when it stands for {@code {% icon name %}}, else empty
     */
    record Entry(String html, String text, boolean block, String icon) {}

    private final List<Entry> entries = new ArrayList<>();

    String inline(String html, String text) {
        return add(new Entry(html, text, false, ""));
    }

    String icon(String name, String html, String text) {
        return add(new Entry(html, text, false, name));
    }

    String block(String html) {
        return add(new Entry(html, "", true, ""));
    }

    private String add(Entry entry) {
        entries.add(entry);
        return OPEN + Integer.toString(entries.size() - 1) + CLOSE;
    }

    /** The entry a text starting with a token stands for, if it does. */
    Entry entryAt(String text) {
        Matcher m = TOKEN.matcher(text);
        return m.lookingAt() ? entries.get(Integer.parseInt(m.group(1))) : null;
    }

    /** Text with every token replaced by its plain form. */
    String plain(String text) {
        return TOKEN.matcher(text).replaceAll(m -> Matcher.quoteReplacement(plain(entry(m).text())));
    }

    /** Rendered HTML with every token replaced by its HTML (inside a tag: its escaped plain form). */
    String restore(String html) {
        String unwrapped = BLOCK_PARAGRAPH.matcher(html).replaceAll(m -> Matcher.quoteReplacement(
                entries.get(Integer.parseInt(m.group(1).substring(1, m.group(1).length() - 1))).block() ? m.group(1) : m.group()));
        StringBuilder out = new StringBuilder(unwrapped.length());
        boolean inTag = false;
        int i = 0;
        while (i < unwrapped.length()) {
            char c = unwrapped.charAt(i);
            if (c == OPEN) {
                int end = unwrapped.indexOf(CLOSE, i);
                Entry entry = entries.get(Integer.parseInt(unwrapped.substring(i + 1, end)));
                out.append(inTag ? Html.escape(plain(entry.text())) : restore(entry.html()));
                i = end + 1;
                continue;
            }
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private Entry entry(java.util.regex.MatchResult m) {
        return entries.get(Integer.parseInt(m.group(1)));
    }
}
