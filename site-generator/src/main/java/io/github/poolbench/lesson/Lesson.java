package io.github.poolbench.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One lesson, parsed and rendered: what the lesson template shows. Record components and the
 * methods below are the template's variables ({@code lesson.title()}, {@code lesson.time()}, …).
 *
 * @param source        the Markdown file
 * @param path          the page's path in the site, e.g. {@code topics/pools.html}, following the file's path
 * @param meta          the front matter, typed
 * @param title         the front matter's title, or the file name when it has none
 * @param body          the body's tree, rendered once the site has bound its result nodes to runs
 * @param toc           the body's sections (h2, each with its h3), as the agenda lists them
 * @param citations     the {@code {% cite %}} keys, numbered in order of first use
 * @param questions     the front matter's questions as inline HTML
 * @param objectives    the objectives as inline HTML
 * @param keyPoints     the key points as inline HTML
 */
public record Lesson(
        Path source,
        String path,
        FrontMatter meta,
        String title,
        LessonBody body,
        List<TocEntry> toc,
        List<Citation> citations,
        List<String> questions,
        List<String> objectives,
        List<String> keyPoints) {

    /** A section of the page; {@code children} are the h3 under an h2. */
    public record TocEntry(int level, String id, String text, List<TocEntry> children) {
        public TocEntry {
            children = List.copyOf(children);
        }
    }

    /** A {@code {% cite key %}}: its number on the page and the id of its entry in the references. */
    public record Citation(String key, String id, int number) {}

    /** The people with one role, e.g. {@code Authors: ada, linus}. */
    public record Role(String role, String label, List<String> people) {
        public Role {
            people = List.copyOf(people);
        }
    }

    /** One abbreviation of the glossary. */
    public record Term(String abbreviation, String meaning) {}

    private static final Map<String, String> ROLE_LABELS = Map.ofEntries(
            Map.entry("authorship", "Authors"),
            Map.entry("editing", "Editors"),
            Map.entry("testing", "Testers"),
            Map.entry("reviewing", "Reviewers"),
            Map.entry("translation", "Translators"),
            Map.entry("funding", "Funding"),
            Map.entry("infrastructure", "Infrastructure"),
            Map.entry("ideation", "Ideas"),
            Map.entry("data", "Data"),
            Map.entry("design", "Design"),
            Map.entry("maintenance", "Maintainers"));

    public Lesson {
        toc = List.copyOf(toc);
        citations = List.copyOf(citations);
        questions = List.copyOf(questions);
        objectives = List.copyOf(objectives);
        keyPoints = List.copyOf(keyPoints);
    }

    /** The result blocks and tags of the body, in reading order. */
    public List<ResultNode> blocks() {
        return body.results();
    }

    /** The front matter as read, unknown keys included. */
    public Map<String, Object> frontMatter() {
        return meta.raw();
    }

    /** Where GTN orders lessons; lessons without one go last. */
    public int priority() {
        return meta.priority() == null ? Integer.MAX_VALUE : meta.priority();
    }

    /** {@code time_estimation} in words ({@code 1 hour 30 minutes}), as written when it is no duration; empty when absent. */
    public String time() {
        String words = Durations.humanize(meta.timeEstimation());
        return words.isEmpty() ? meta.timeEstimation() : words;
    }

    /** Contributors by role, in front matter order, with GTN's role names in words. */
    public List<Role> contributors() {
        return meta.contributions().entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Role(
                        e.getKey(), ROLE_LABELS.getOrDefault(e.getKey(), capitalize(e.getKey())), e.getValue()))
                .toList();
    }

    /** The abbreviations the lesson defines, for the glossary that ends the page. */
    public List<Term> glossary() {
        return meta.abbreviations().entrySet().stream()
                .map(e -> new Term(e.getKey(), e.getValue()))
                .toList();
    }

    /** A sentence for the page's meta description: the first question, without Markdown marks. */
    public String description() {
        return meta.questions().isEmpty() ? "" : meta.questions().getFirst().replaceAll("[`*_]", "");
    }

    /** Whether the overview box has anything to show. */
    public boolean hasOverview() {
        return !questions.isEmpty()
                || !objectives.isEmpty()
                || !meta.requirements().isEmpty()
                || !time().isEmpty()
                || !meta.level().isEmpty();
    }

    /** An inline SVG icon for the template (see {@link Icons}); empty for an unknown name. */
    public String icon(String name) {
        return Icons.svg(name);
    }

    private static String capitalize(String text) {
        String words = text.replace('_', ' ').replace('-', ' ');
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
