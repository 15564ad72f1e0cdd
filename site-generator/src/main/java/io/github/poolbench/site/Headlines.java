package io.github.poolbench.site;

import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.format.Profile;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.ResultBlock;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.MachineInfo;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings on the landing page, written as content in {@code content/index.md}: a page in the
 * lessons' dialect whose every {@code ##} heading starts one finding. A finding holds a
 * {@code ```chart} block, at least one {@code {% compare … %}} claim and a link into the lesson
 * that explains it; text before the first heading introduces them. Its blocks go through the
 * lessons' own pipeline ({@link ResultWeaver}), so charts, verdicts and their errors at
 * {@code file:line} are the lessons' too.
 *
 * <p>A finding whose benchmark the quoted run did not measure (a benchmark that only the full profile runs,
 * say) is a warning, not an error: the card says what was not measured and which command measures it.
 */
final class Headlines {

    /** Where {@code content/index.md} lands: the page the findings go on, not a lesson. */
    static final String PAGE = "index.html";

    /** A {@code ##} heading in Markdown, outside code. */
    private static final Pattern HEADING = Pattern.compile("^ {0,3}##(?:[ \\t]+.*)?$");

    private static final Pattern FENCE = Pattern.compile("^[ \\t]*(`{3,}|~{3,}).*$");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]*)(?:#[^\"]*)?\"");

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

    /** A weaver of its own, whose {@link ResultWeaver#quoted(String)} of this page is what the index quotes. */
    Headlines(QuoteRule rule, Templates templates, ChartViews charts, Diagnostics diagnostics) {
        this.rule = rule;
        this.weaver = new ResultWeaver(rule, templates, charts, diagnostics);
        this.diagnostics = diagnostics;
    }

    /** Findings quoting {@code machine}'s newest complete run, or the reference when none is named. */
    Headlines(
            ResultSet results,
            Optional<String> machine,
            Templates templates,
            ChartViews charts,
            Diagnostics diagnostics) {
        this(QuoteRule.of(results, machine, Optional.empty(), diagnostics), templates, charts, diagnostics);
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
        String html = page.bodyHtml();
        List<Lesson.TocEntry> sections =
                page.toc().stream().filter(entry -> entry.level() == 2).toList();
        List<Integer> lines = headingLines(page.source());
        List<Integer> starts = new ArrayList<>();
        for (Lesson.TocEntry section : sections) {
            starts.add(html.indexOf("<h2 id=\"" + section.id() + "\""));
        }
        int first = starts.isEmpty() ? html.length() : starts.getFirst();
        int charts = 0;
        String intro = html.substring(0, first);
        for (ResultBlock block : blocksIn(page, intro)) {
            intro = resolve(intro, block, page, site);
            charts += block.kind() == ResultBlock.Kind.CHART ? 1 : 0;
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < sections.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) : html.length();
            if (start < 0 || end < start) {
                continue; // a heading inside a box: part of the finding above it
            }
            Location at = lines.size() == sections.size()
                    ? Location.of(page.source(), lines.get(i))
                    : Location.of(page.source());
            Optional<Finding> finding =
                    finding(sections.get(i), html.substring(start, end), at, page, lessons, site, named);
            if (finding.isPresent()) {
                findings.add(finding.get());
                charts += finding.get().measured()
                        ? blocksIn(page, html.substring(start, end)).stream()
                                .filter(b -> b.kind() == ResultBlock.Kind.CHART)
                                .mapToInt(b -> 1)
                                .sum()
                        : 0;
            }
        }
        String title = page.meta().title().isEmpty() ? "Findings" : page.meta().title();
        return new Landing(title, intro, findings, sources(), command(named).orElse(""), charts, weaver.weakRuns(page));
    }

    private Optional<Finding> finding(
            Lesson.TocEntry section,
            String html,
            Location at,
            Lesson page,
            List<Lesson> lessons,
            Path site,
            Set<String> named) {
        List<ResultBlock> blocks = blocksIn(page, html);
        String title = section.text();
        List<String> problems = new ArrayList<>();
        if (blocks.stream().noneMatch(b -> b.kind() == ResultBlock.Kind.CHART)) {
            problems.add("finding '" + title + "' has no chart: add a ```chart block");
        }
        Optional<CompareTag> claim = Optional.empty();
        boolean broken = false;
        for (ResultBlock block : blocks) {
            if (block.kind() == ResultBlock.Kind.COMPARE && claim.isEmpty()) {
                try {
                    claim = Optional.of(CompareTag.parse(block.body(), block.location()));
                } catch (InputException e) {
                    broken = true; // weaving the block below reports it
                }
            }
        }
        if (blocks.stream().noneMatch(b -> b.kind() == ResultBlock.Kind.COMPARE)) {
            problems.add("finding '" + title + "' states no verdict: add a {% compare … expect=… %} claim");
        }
        Optional<Lesson> lesson = lessonLinked(html, lessons);
        if (lesson.isEmpty()) {
            problems.add("finding '" + title + "' links to no lesson: add a link such as "
                    + "[Read the lesson]({% link lessons/threads.md %})");
        }
        problems.forEach(p -> diagnostics.error(at, p));
        if (!problems.isEmpty() || broken) {
            blocks.forEach(block -> resolve(html, block, page, site)); // to report what else is wrong
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (ResultBlock block : blocks) {
            for (String benchmark : benchmarks(block)) {
                named.add(benchmark);
                if (!measured(benchmark) && !missing.contains(benchmark)) {
                    missing.add(benchmark);
                }
            }
        }
        int close = html.indexOf("</h2>") + "</h2>".length(); // the section starts with its heading
        String heading = "<h3" + html.substring("<h2".length(), close - "</h2>".length()) + "</h3>";
        String body = html.substring(close);
        String command = missing.stream()
                .map(Headlines::profileFor)
                .flatMap(Optional::stream)
                .max(Enum::compareTo)
                .map(Profile::command)
                .orElse("");
        StringBuilder chart = new StringBuilder();
        if (!missing.isEmpty()) {
            diagnostics.warn(
                    at,
                    "finding '" + title + "': the quoted run did not measure " + String.join(", ", missing)
                            + "; the index says so in its place"
                            + (command.isEmpty() ? "" : " (" + command + " measures it)"));
            body = "";
        } else {
            for (ResultBlock block : blocks) {
                if (block.kind() == ResultBlock.Kind.CHART) { // drawn beside the prose, wherever the block stood
                    chart.append(resolve(block.placeholder(), block, page, site));
                    body = body.replace(block.placeholder(), "");
                } else {
                    body = resolve(body, block, page, site);
                }
            }
        }
        return Optional.of(new Finding(
                section.id(),
                heading,
                chart.toString(),
                body,
                missing,
                claim.get().expect().word(),
                command,
                lesson.get().path(),
                lesson.get().title()));
    }

    /** The blocks whose placeholders lie in {@code html}, in order. */
    private static List<ResultBlock> blocksIn(Lesson page, String html) {
        return page.blocks().stream()
                .filter(block -> html.contains(block.placeholder()))
                .toList();
    }

    private String resolve(String html, ResultBlock block, Lesson page, Path site) {
        try {
            return html.replace(block.placeholder(), weaver.resolve(block, page, site, ""));
        } catch (InputException e) {
            e.errors().forEach(diagnostics::add);
            return html;
        }
    }

    /** The first lesson the section links to, by its path relative to the site root. */
    private static Optional<Lesson> lessonLinked(String html, List<Lesson> lessons) {
        Matcher href = HREF.matcher(html);
        while (href.find()) {
            String target = href.group(1).replaceFirst("^\\./", "");
            Optional<Lesson> lesson =
                    lessons.stream().filter(l -> l.path().equals(target)).findFirst();
            if (lesson.isPresent()) {
                return lesson;
            }
        }
        return Optional.empty();
    }

    /** The benchmarks a block names; a block that does not parse names none (weaving reports it). */
    private static List<String> benchmarks(ResultBlock block) {
        try {
            return switch (block.kind()) {
                case CHART, RESULTS ->
                    List.of(ChartSpec.parse(block.kind().word, block.body(), block.location())
                            .benchmark());
                case VALUE ->
                    List.of(MeasuredValue.parse(block.body(), block.location())
                            .selection()
                            .benchmark());
                case COMPARE -> {
                    CompareTag tag = CompareTag.parse(block.body(), block.location());
                    yield List.of(
                                    tag.first().selection().benchmark(),
                                    tag.second().selection().benchmark())
                            .stream()
                            .distinct()
                            .toList();
                }
                default -> List.of();
            };
        } catch (InputException e) {
            return List.of();
        }
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
    private Optional<String> command(Set<String> named) {
        Optional<Profile> needed = named.stream()
                .map(Headlines::profileFor)
                .flatMap(Optional::stream)
                .max(Enum::compareTo);
        Optional<Profile> quoted = weaver.quoted(PAGE).stream()
                .map(run -> RunContext.of(run).profile())
                .flatMap(id -> java.util.Arrays.stream(Profile.values()).filter(p -> p.id().equals(id)))
                .max(Enum::compareTo);
        return java.util.stream.Stream.of(needed, quoted)
                .flatMap(Optional::stream)
                .max(Enum::compareTo)
                .map(Profile::command);
    }

    private List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        for (ResultRun run : weaver.quoted(PAGE)) {
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

    /** The lines of the {@code ##} headings, outside front matter and code, in order. */
    static List<Integer> headingLines(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the lesson loader has just read it
        }
        int start = 0;
        if (!text.isEmpty() && text.getFirst().strip().equals("---")) {
            start = 1;
            while (start < text.size()
                    && !text.get(start).stripTrailing().equals("---")
                    && !text.get(start).stripTrailing().equals("...")) {
                start++;
            }
            start++;
        }
        List<Integer> lines = new ArrayList<>();
        String fence = "";
        for (int i = start; i < text.size(); i++) {
            String line = text.get(i);
            Matcher open = FENCE.matcher(line);
            if (!fence.isEmpty()) {
                String stripped = line.strip();
                char mark = fence.charAt(0);
                if (stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == mark)) {
                    fence = "";
                }
            } else if (open.matches()) {
                fence = open.group(1);
            } else if (HEADING.matcher(line).matches()) {
                lines.add(i + 1);
            }
        }
        return lines;
    }
}
