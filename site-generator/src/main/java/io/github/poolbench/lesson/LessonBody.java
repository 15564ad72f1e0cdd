package io.github.poolbench.lesson;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import io.github.poolbench.diagnostics.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lesson's body as flexmark's tree, checked and with its ids set, not yet rendered: it renders
 * once, when the site has bound its {@link ResultNode result nodes} to runs. Rendering reports
 * nothing: every warning about the body was given when it loaded.
 */
public final class LessonBody {

    private final Document document;
    private final Markdown markdown;
    private final ParseContext parse;
    private final List<ResultNode> results;

    LessonBody(Document document, Markdown markdown, ParseContext parse) {
        this.document = document;
        this.markdown = markdown;
        this.parse = parse;
        List<ResultNode> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof ResultNode result) {
                found.add(result);
            }
        }
        this.results = List.copyOf(found);
    }

    /** The result nodes, in reading order. */
    public List<ResultNode> results() {
        return results;
    }

    /** The whole body as HTML, each result node written by {@code results}. */
    public String html(ResultHtml results) {
        return markdown.render(document, null, results);
    }

    /**
     * The body cut at its top-level {@code ##} sections (a heading inside a box or quote starts none):
     * first what stands before the first of them, then one part per section.
     */
    public List<Section> sections() {
        List<Section> sections = new ArrayList<>();
        Heading heading = null;
        List<Node> nodes = new ArrayList<>();
        for (Node node : document.getChildren()) {
            if (node instanceof Heading h && startsSection(h)) {
                sections.add(new Section(Optional.ofNullable(heading), nodes));
                heading = h;
                nodes = new ArrayList<>();
            } else {
                nodes.add(node);
            }
        }
        sections.add(new Section(Optional.ofNullable(heading), nodes));
        return sections;
    }

    private boolean startsSection(Heading heading) {
        Attributes attributes = parse.attributes.getOrDefault(heading, Attributes.NONE);
        return parse.level(heading) == 2 && !attributes.has("no_toc");
    }

    /** One part of the body: a {@code ##} heading (none for what comes before the first) and what follows it. */
    public final class Section {
        private final Optional<Heading> heading;
        private final List<Node> nodes;

        private Section(Optional<Heading> heading, List<Node> nodes) {
            this.heading = heading;
            this.nodes = List.copyOf(nodes);
        }

        /** The heading's id; empty before the first heading. */
        public String id() {
            return heading.map(h -> parse.nodeIds.getOrDefault(h, "")).orElse("");
        }

        /** The heading as plain text; empty before the first heading. */
        public String title() {
            return heading.map(h -> IdsExtension.plainText(h).strip()).orElse("");
        }

        /** Where the heading stands; the file alone before the first heading. */
        public Location location() {
            return heading.map(h -> parse.at(parse.line(h))).orElse(Location.of(parse.file));
        }

        /** The heading as HTML at {@code level} (an {@code h3} on the index), with its id and attributes. */
        public String heading(int level) {
            return heading.map(h -> markdown.heading(h, level)).orElse("");
        }

        /** The result nodes after the heading, in reading order. */
        public List<ResultNode> results() {
            List<ResultNode> found = new ArrayList<>();
            for (Node node : nodes) {
                if (node instanceof ResultNode result) {
                    found.add(result);
                }
                for (Node inner : node.getDescendants()) {
                    if (inner instanceof ResultNode result) {
                        found.add(result);
                    }
                }
            }
            return found;
        }

        /** Where the section's links lead, as their href says (Liquid resolved), without the fragment. */
        public List<String> links() {
            List<String> targets = new ArrayList<>();
            for (Node node : nodes) {
                for (Node inner : node.getDescendants()) {
                    String url = switch (inner) {
                        case Link link -> link.getUrl().unescape();
                        case AutoLink link -> link.getText().toString();
                        case LinkRef ref
                        when ref.isDefined() -> {
                            Reference reference = ref.getReferenceNode(document);
                            yield reference == null ? "" : reference.getUrl().unescape();
                        }
                        default -> "";
                    };
                    if (!url.isEmpty()) {
                        targets.add(url.replaceFirst("#.*$", ""));
                    }
                }
            }
            return targets;
        }

        /** What follows the heading as HTML, each result node written by {@code results}. */
        public String html(ResultHtml results) {
            return markdown.render(document, nodes, results);
        }
    }
}
