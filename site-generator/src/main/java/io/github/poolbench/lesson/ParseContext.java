package io.github.poolbench.lesson;

import com.vladsch.flexmark.util.ast.Node;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The context of parsing one lesson: where it is, its ids, attribute lists, findings and warnings. */
final class ParseContext {

    /** Where the dialect's passes find the lesson's context: in the document's data, from the parser's options. */
    static final com.vladsch.flexmark.util.data.NullableDataKey<ParseContext> KEY =
            new com.vladsch.flexmark.util.data.NullableDataKey<>("POOLBENCH_LESSON");

    /** Ids the lesson template gives its own sections. */
    static final Set<String> TEMPLATE_IDS = Set.of(
            "content", "overview", "key-points", "glossary", "references", "contributors", "table-of-contents", "top");

    final Path file;
    final Path contentRoot;
    /** From this page to the site root: {@code ""} or {@code ../} per folder level. */
    final String root;

    final FrontMatter meta;
    final Diagnostics diagnostics;
    final Ids ids = new Ids(TEMPLATE_IDS);
    /** How many result blocks and tags the page has so far: the next one's id is one more. */
    int results;

    final Set<String> abbreviationsSeen = new HashSet<>();
    final Map<String, Lesson.Citation> citations = new LinkedHashMap<>();
    final List<Lesson.TocEntry> headings = new ArrayList<>();
    /** The table of contents the headings make, once ids are handed out. */
    List<Lesson.TocEntry> toc = List.of();
    /** Attributes from {@code {: .class #id key="value"}} lines, by the node they apply to. */
    final Map<Node, Attributes> attributes = new IdentityHashMap<>();
    /** The ids handed out to headings, figures and blocks with an attribute list, by node. */
    final Map<Node, String> nodeIds = new IdentityHashMap<>();
    /** Paragraphs that are figures, and their numbers. */
    final Map<Node, Integer> figureNumbers = new IdentityHashMap<>();
    /** Raw HTML with the lessons' policy applied, by node: cleaned when the lesson loads, written as is. */
    final Map<Node, String> cleanHtml = new IdentityHashMap<>();
    /** Each image's source as the page may show it (empty when the policy dropped it). */
    final Map<Node, String> imageSources = new IdentityHashMap<>();
    /** Figure captions as HTML, by the paragraph that is the figure. */
    final Map<Node, String> captions = new IdentityHashMap<>();
    /** Where each line of the body starts, to name a node's line and column; empty for inline text. */
    private int[] lineStarts = new int[0];
    /** Lessons written with {@code #} sections get every heading one level down, below the page's h1. */
    boolean shiftHeadings;

    ParseContext(Path file, Path contentRoot, String root, FrontMatter meta, Diagnostics diagnostics) {
        this.file = file;
        this.contentRoot = contentRoot;
        this.root = root;
        this.meta = meta;
        this.diagnostics = diagnostics;
    }

    /** The text the body's offsets point into: the whole file with the front matter blanked out. */
    void source(String source) {
        lineStarts = java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.of(0),
                        java.util.stream.IntStream.range(0, source.length())
                                .filter(i -> source.charAt(i) == '\n')
                                .map(i -> i + 1))
                .toArray();
    }

    /** A node's line in the file; 0 for text that is no part of the body (a caption, an objective). */
    int line(Node node) {
        return lineStarts.length == 0 ? 0 : line(node.getStartOffset());
    }

    int line(int offset) {
        int found = java.util.Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The level a heading is shown at: one down in lessons written with {@code #} sections. */
    int level(com.vladsch.flexmark.ast.Heading heading) {
        return Math.min(6, heading.getLevel() + (shiftHeadings ? 1 : 0));
    }

    /** Adds an attribute list to a node's; a later id replaces an earlier one. */
    void attach(Node target, Attributes more) {
        attributes.merge(target, more, Attributes::plus);
    }

    Location at(int line) {
        return Location.of(file, line);
    }

    Location at(int line, int column) {
        return new Location(file, line, column);
    }

    void warn(int line, String message) {
        warnings.add(new Warning(false, at(line), message));
    }

    void warn(int line, int column, String message) {
        warnings.add(new Warning(false, at(line, column), message));
    }

    /** Input that cannot be rendered (a result block whose spec does not parse): the build fails. */
    void error(io.github.poolbench.diagnostics.InputException error) {
        error.errors().forEach(e -> warnings.add(new Warning(true, e.location(), e.message())));
    }

    /** Hands the warnings (and errors) on in line order: the passes find them in their own order. */
    void reportWarnings() {
        warnings.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (Warning w) -> w.location().line())
                        .thenComparingInt(w -> w.location().column()))
                .forEach(w -> {
                    if (w.error()) {
                        diagnostics.error(w.location(), w.message());
                    } else {
                        diagnostics.warn(w.location(), w.message());
                    }
                });
        warnings.clear();
    }

    private record Warning(boolean error, Location location, String message) {}

    private final List<Warning> warnings = new ArrayList<>();
}
