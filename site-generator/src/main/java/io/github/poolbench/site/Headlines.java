package io.github.poolbench.site;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.format.Profile;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.LessonBody;
import io.github.poolbench.lesson.ResultHtml;
import io.github.poolbench.lesson.ResultNode;
import io.github.poolbench.results.MachineInfo;
import io.github.poolbench.results.ResultRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The findings on the landing page, written as content in {@code content/index.md}: a page in the
 * lessons' dialect whose every {@code ##} heading starts one finding. A finding holds a
 * {@code ```chart} block, at least one {@code {% compare … %}} claim and a link into the lesson
 * that explains it; text before the first heading introduces them. The page loads as a lesson does,
 * and the findings are read from its tree ({@link LessonBody#sections()}): headings, result nodes
 * and links; its nodes are bound by the lessons' own {@link ResultWeaver}, so charts, verdicts and
 * their errors at {@code file:line} are the lessons' too.
 *
 * <p>A finding whose benchmark the quoted run did not measure (a benchmark that only the full profile runs,
 * say) is a warning, not an error: the card says what was not measured and which command measures it.
 */
final class Headlines {

    /** Where {@code content/index.md} lands: the page the findings go on, not a lesson. */
    static final String PAGE = "index.html";

    /**
     * One finding as the index shows it.
     *
     * @param id          the heading's id, an anchor on the index
     * @param heading     the heading, as an h3
     * @param chart       the woven chart; empty when not measured
     * @param body        the woven prose, with its verdict; empty when not measured
     * @param missing     the benchmarks the quoted run did not measure; empty when the finding is measured
     * @param expected    what the finding's first claim expects, for its verdict element
     * @param command     the command that measures what is missing
     * @param lessonHref  the lesson it links into
     * @param lessonTitle that lesson's title
     */
    public record Finding(
            String id,
            String heading,
            String chart,
            String body,
            List<String> missing,
            String expected,
            String command,
            String lessonHref,
            String lessonTitle) {
        public Finding {
            missing = List.copyOf(missing);
        }

        public boolean measured() {
            return missing.isEmpty();
        }
    }

    /**
     * A run the findings quote, with its machine.
     *
     * @param machineSummary the machine's CPU, cores, memory, OS and JDK, as far as known
     */
    public record Source(
            String machine,
            String machineHref,
            String machineSummary,
            String run,
            String dataHref,
            RunContext context) {}

    /**
     * What the index shows of {@code index.md}.
     *
     * @param command  the command that measures everything the findings quote
     * @param weakRuns the quoted runs that are not of publication grade, for the page's banner
     */
    public record Landing(
            String title,
            String intro,
            List<Finding> findings,
            List<Source> sources,
            String command,
            int charts,
            List<String> weakRuns) {
        static final Landing NONE = new Landing("", "", List.of(), List.of(), "", 0, List.of());

        public Landing {
            findings = List.copyOf(findings);
            sources = List.copyOf(sources);
            weakRuns = List.copyOf(weakRuns);
        }
    }

    private final QuoteRule rule;
    private final ResultWeaver weaver;
    private final Diagnostics diagnostics;

    /** The lessons' weaver: the index's nodes are bound and written as theirs are. */
    Headlines(QuoteRule rule, ResultWeaver weaver, Diagnostics diagnostics) {
        this.rule = rule;
        this.weaver = weaver;
        this.diagnostics = diagnostics;
    }

    /** The page among the loaded ones that is the landing page's content, if there is one. */
    static Optional<Lesson> landing(List<Lesson> pages) {
        return pages.stream().filter(page -> page.path().equals(PAGE)).findFirst();
    }

    /** The pages that are lessons: all but the landing page's. */
    static List<Lesson> lessons(List<Lesson> pages) {
        return pages.stream().filter(page -> !page.path().equals(PAGE)).toList();
    }

    /**
     * Weaves the findings; problems go to the diagnostics, at {@code file:line}.
     *
     * @param lessons the lessons a finding may link into
     * @param site    where the charts are drawn
     */
    Landing weave(Lesson page, List<Lesson> lessons, Path site) {
        List<LessonBody.Section> sections = page.body().sections();
        LessonBody.Section introduction = sections.getFirst();
        ResultWeaver.Page woven = weaver.bind(introduction.results(), "");
        List<Draft> drafts = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (LessonBody.Section section : sections.subList(1, sections.size())) {
            Optional<Draft> draft = draft(section, lessons, named);
            if (draft.map(Draft::measured).orElse(true)) { // a broken finding's nodes, to report what else is wrong
                woven = woven.plus(weaver.bind(section.results(), ""));
            }
            draft.ifPresent(drafts::add);
        }
        ResultWeaver.Page bound = woven;
        ResultHtml html = node -> weaver.html(bound, node, PAGE, site, "");
        String intro = introduction.html(html);
        List<Finding> findings = new ArrayList<>();
        for (Draft draft : drafts) {
            StringBuilder chart = new StringBuilder();
            String body = "";
            if (draft.measured()) {
                for (ResultNode node : draft.section().results()) {
                    if (node.kind() == ResultNode.Kind.CHART) { // drawn beside the prose, wherever the block stood
                        chart.append(html.html(node));
                    }
                }
                body = "\n" + draft.section().html(node -> node.kind() == ResultNode.Kind.CHART ? "" : html.html(node));
            }
            findings.add(new Finding(
                    draft.section().id(),
                    draft.section().heading(3),
                    chart.toString(),
                    body,
                    draft.missing(),
                    draft.claim().tag().expect().word(),
                    draft.command(),
                    draft.lesson().path(),
                    draft.lesson().title()));
        }
        String title = page.meta().title().isEmpty() ? "Findings" : page.meta().title();
        return new Landing(
                title,
                intro,
                findings,
                sources(woven.quoted()),
                command(named, woven.quoted()).orElse(""),
                woven.charts(),
                woven.weakRuns());
    }

    /**
     * A finding checked for its parts, before its nodes are bound.
     *
     * @param claim   its first {@code compare} tag
     * @param missing the benchmarks the quoted run did not measure; empty when the finding is measured
     * @param command the command that measures what is missing
     */
    private record Draft(
            LessonBody.Section section, ResultNode.Compare claim, Lesson lesson, List<String> missing, String command) {
        boolean measured() {
            return missing.isEmpty();
        }
    }

    /** The finding a section holds; empty, with its errors reported, when a part is missing. */
    private Optional<Draft> draft(LessonBody.Section section, List<Lesson> lessons, Set<String> named) {
        List<ResultNode> nodes = section.results();
        String title = section.title();
        Location at = section.location();
        List<String> problems = new ArrayList<>();
        if (nodes.stream().noneMatch(n -> n.kind() == ResultNode.Kind.CHART)) {
            problems.add("finding '" + title + "' has no chart: add a ```chart block");
        }
        Optional<ResultNode.Compare> claim = nodes.stream()
                .filter(ResultNode.Compare.class::isInstance)
                .map(ResultNode.Compare.class::cast)
                .findFirst();
        if (claim.isEmpty()) {
            problems.add("finding '" + title + "' states no verdict: add a {% compare … expect=… %} claim");
        }
        Optional<Lesson> lesson = lessonLinked(section.links(), lessons);
        if (lesson.isEmpty()) {
            problems.add("finding '" + title + "' links to no lesson: add a link such as "
                    + "[Read the lesson]({% link lessons/threads.md %})");
        }
        problems.forEach(p -> diagnostics.error(at, p));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (ResultNode node : nodes) {
            for (String benchmark : node.benchmarks()) {
                named.add(benchmark);
                if (!measured(benchmark) && !missing.contains(benchmark)) {
                    missing.add(benchmark);
                }
            }
        }
        String command = missing.stream()
                .map(Headlines::profileFor)
                .flatMap(Optional::stream)
                .max(Enum::compareTo)
                .map(Profile::command)
                .orElse("");
        if (!missing.isEmpty()) {
            diagnostics.warn(
                    at,
                    "finding '" + title + "': the quoted run did not measure " + String.join(", ", missing)
                            + "; the index says so in its place"
                            + (command.isEmpty() ? "" : " (" + command + " measures it)"));
        }
        return Optional.of(new Draft(section, claim.get(), lesson.get(), missing, command));
    }

    /** The first lesson the section links to, by its path relative to the site root. */
    private static Optional<Lesson> lessonLinked(List<String> links, List<Lesson> lessons) {
        for (String link : links) {
            String target = link.replaceFirst("^\\./", "");
            Optional<Lesson> lesson =
                    lessons.stream().filter(l -> l.path().equals(target)).findFirst();
            if (lesson.isPresent()) {
                return lesson;
            }
        }
        return Optional.empty();
    }

    /** Whether the quoted run measured the benchmark at all (which params it has, each block's weaving says). */
    private boolean measured(String benchmark) {
        return rule.quoted().stream().anyMatch(run -> run.results().stream().anyMatch(r -> r.matches(benchmark)));
    }

    /** The smallest profile whose plan runs the benchmark, e.g. full for {@code CrashDetectionBenchmark.killedMidTask}. */
    static Optional<Profile> profileFor(String benchmark) {
        return Profile.smallestRunning(benchmark);
    }

    /**
     * The command that measures every benchmark the findings name, at no less than the profile of
     * any run they quote: a finding from a full run is reproduced by a full run.
     */
    private Optional<String> command(Set<String> named, List<ResultRun> quotedRuns) {
        Optional<Profile> needed = named.stream()
                .map(Headlines::profileFor)
                .flatMap(Optional::stream)
                .max(Enum::compareTo);
        Optional<Profile> quoted = quotedRuns.stream()
                .map(run -> RunContext.of(run).profile())
                .flatMap(id -> java.util.Arrays.stream(Profile.values()).filter(p -> p.id().equals(id)))
                .max(Enum::compareTo);
        return java.util.stream.Stream.of(needed, quoted)
                .flatMap(Optional::stream)
                .max(Enum::compareTo)
                .map(Profile::command);
    }

    private static List<Source> sources(List<ResultRun> quoted) {
        List<Source> sources = new ArrayList<>();
        for (ResultRun run : quoted) {
            MachineInfo info = run.machineInfo();
            String summary = String.join(
                    "; ",
                    java.util.stream.Stream.of("CPU", "Cores", "Memory", "OS", "JDK")
                            .flatMap(label -> info.fact(label).map(value -> label + ": " + value).stream())
                            .toList());
            sources.add(new Source(
                    run.machineId(),
                    "machines/" + run.machineId() + ".html",
                    summary,
                    run.runId(),
                    DataFiles.href(run),
                    RunContext.of(run)));
        }
        return sources;
    }
}
