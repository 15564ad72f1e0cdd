package io.github.poolbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One lesson, parsed.
 *
 * @param source      the Markdown file
 * @param path        the page's path in the site, e.g. {@code topics/pools.html}, following the file's path
 * @param frontMatter the YAML front matter as read, unknown keys included
 * @param title       the front matter's title, or the file name when it has none
 * @param bodyHtml    the rendered body, with {@link ResultBlock#placeholder() placeholders}
 * @param blocks      the result blocks the body refers to
 */
public record Lesson(Path source, String path, Map<String, Object> frontMatter, String title, String bodyHtml,
                     List<ResultBlock> blocks) {

    public Lesson {
        frontMatter = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(frontMatter));
        blocks = List.copyOf(blocks);
    }

    /** Where GTN orders lessons; lessons without one go last. */
    public int priority() {
        return frontMatter.get("priority") instanceof Number number ? number.intValue() : Integer.MAX_VALUE;
    }
}
