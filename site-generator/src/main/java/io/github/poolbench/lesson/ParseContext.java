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
    final List<ResultBlock> blocks = new ArrayList<>();
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
    /** The ```chart and ```results fences, and the result blocks they became. */
    final Map<Node, ResultBlock> resultFences = new IdentityHashMap<>();
    /** Lessons written with {@code #} sections get every heading one level down, below the page's h1. */
    boolean shiftHeadings;

    ParseContext(Path file, Path contentRoot, String root, FrontMatter meta, Diagnostics diagnostics) {
        this.file = file;
        this.contentRoot = contentRoot;
        this.root = root;
        this.meta = meta;
        this.diagnostics = diagnostics;
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
        warnings.add(new Warning(at(line), message));
    }

    void warn(int line, int column, String message) {
        warnings.add(new Warning(at(line, column), message));
    }

    /** Hands the warnings on in line order: the passes find them in their own order. */
    void reportWarnings() {
        warnings.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (Warning w) -> w.location().line())
                        .thenComparingInt(w -> w.location().column()))
                .forEach(w -> diagnostics.warn(w.location(), w.message()));
        warnings.clear();
    }

    private record Warning(Location location, String message) {}

    private final List<Warning> warnings = new ArrayList<>();
}
