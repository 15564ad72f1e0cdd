package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LessonLoaderTest {

    @TempDir
    Path content;

    private final Diagnostics diagnostics = new Diagnostics(false);

    private Lesson load(String markdown) throws IOException {
        Path file = content.resolve("topic/lesson.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown);
        return new LessonLoader().load(file, content.relativize(file), diagnostics);
    }

    /** The body as HTML, each result node written as {@code [kind id]}. */
    private static String html(Lesson lesson) {
        return lesson.body().html(node -> "[" + node.kind().word + " " + node.id() + "]");
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    /** Each piece of the dialect and a piece of the HTML it must become. */
    static Stream<Arguments> dialect() {
        return Stream.of(
                arguments(
                        "question box",
                        "> <question-title>Why?</question-title>\n> Because.\n{: .question}",
                        "<div id=\"question-why\" class=\"box box-question question\"><div class=\"box-title\"><svg"),
                arguments(
                        "solution collapsed",
                        "> <solution-title></solution-title>\n> 42\n{: .solution}",
                        "<details id=\"solution\" class=\"box box-solution solution\"><summary class=\"box-title\">"),
                arguments(
                        "code in and out",
                        "> > <code-in-title>Java</code-in-title>\n> > `a`\n> {: .code-in}\n>\n"
                                + "> > <code-out-title></code-out-title>\n> > b\n> {: .code-out}\n{: .code-2col}",
                        "<div class=\"code-2col\">\n<div id=\"code-in-java\" class=\"box box-code-in code-in\">"),
                arguments(
                        "box title text",
                        "> <question-title>Why?</question-title>\n> Because.\n{: .question}",
                        "<span>Question: Why?</span>"),
                arguments(
                        "box content",
                        "> <question-title>Why?</question-title>\n> Because.\n{: .question}",
                        "<div class=\"box-content\">\n<p>Because.</p>\n</div>"),
                arguments(
                        "tip collapsed",
                        "> <tip-title>Hint</tip-title>\n> Look up.\n{: .tip}",
                        "<details id=\"tip-hint\""),
                arguments(
                        "tip kept open",
                        "> <tip-title>Hint</tip-title>\n> Look up.\n{: .tip .open}",
                        "<details id=\"tip-hint\" class=\"box box-tip tip\" open><summary class=\"box-title\">"),
                arguments(
                        "details collapsed",
                        "> <details-title>More</details-title>\n> Text.\n{: .details}",
                        "<summary class=\"box-title\">"),
                arguments(
                        "hands_on spelling",
                        "> <hands-on-title>Do</hands-on-title>\n> Go.\n{: .hands_on}",
                        "class=\"box box-hands-on hands_on\""),
                arguments(
                        "warning box",
                        "> <warning-title>Careful</warning-title>\n> Hot.\n{: .warning}",
                        "<span>Warning: Careful</span>"),
                arguments(
                        "comment box",
                        "> <comment-title></comment-title>\n> Note.\n{: .comment}",
                        "<span>Comment</span>"),
                arguments(
                        "agenda is a nav",
                        "> <agenda-title></agenda-title>\n> Plan.\n{: .agenda}",
                        "<nav id=\"agenda\" class=\"box box-agenda agenda\" aria-label=\"Agenda\">"),
                arguments("plain blockquote", "> Just a quote.", "<blockquote>\n<p>Just a quote.</p>\n</blockquote>"),
                arguments("quote with class", "> Quoted.\n{: .pull-quote}", "<blockquote class=\"pull-quote\">"),
                arguments(
                        "title with markup",
                        "> <tip-title>Use `jcmd`</tip-title>\n> x\n{: .tip}",
                        "<span>Tip: Use <code>jcmd</code></span>"),
                arguments(
                        "quote with author",
                        "> Measure, then guess.\n{: .quote cite=\"https://example.org/q\" author=\"A. Tester\"}",
                        "<figure class=\"quote\">\n<blockquote cite=\"https://example.org/q\">\n<p>Measure, then guess.</p>\n</blockquote>\n"
                                + "<figcaption>— <a href=\"https://example.org/q\">A. Tester</a></figcaption>\n</figure>"),
                arguments(
                        "unknown attribute",
                        "Text.\n{: author=\"me\" onclick=\"x()\"}",
                        "<p data-author=\"me\">Text.</p>"),
                arguments("class on paragraph", "Some text.\n{: .lead}", "<p class=\"lead\">Some text.</p>"),
                arguments("class on list", "- a\n- b\n{: .compact}", "<ul class=\"compact\">"),
                arguments(
                        "id and attribute",
                        "Para.\n{: #here data-step=\"2\"}",
                        "<p id=\"here\" data-step=\"2\">Para.</p>"),
                arguments("class before block", "{: .next-one}\n\nPara.", "<p class=\"next-one\">Para.</p>"),
                arguments("heading id", "## Custom {#my-id}", "<h2 id=\"my-id\">Custom</h2>"),
                arguments("no_toc heading", "## Hidden\n{:.no_toc}", "<h2 id=\"hidden\" class=\"no_toc\">Hidden</h2>"),
                arguments(
                        "figure",
                        "![Bars](a.png \"Two bars.\")",
                        "<figure id=\"figure-1\"><img src=\"a.png\" alt=\"Bars\"><figcaption><span class=\"figure-number\">Figure 1:</span> Two bars.</figcaption></figure>"),
                arguments(
                        "image width",
                        "![Bars](a.png){: width=\"50%\"}",
                        "<img src=\"a.png\" alt=\"Bars\" style=\"width:50%;\">"),
                arguments(
                        "image in text",
                        "See ![dot](a.png \"A dot\") here.",
                        "<p>See <img src=\"a.png\" alt=\"dot\" title=\"A dot\"> here.</p>"),
                arguments(
                        "table alignment",
                        "| a | b |\n|--:|---|\n| 1 | 2 |",
                        "<th style=\"text-align:right\">a</th><th>b</th>"),
                arguments("table scrolls", "| a |\n|---|\n| 1 |", "<div class=\"table-wrap\">\n<table>"),
                arguments(
                        "icon tag",
                        "Click {% icon solution %} now.",
                        "<span class=\"icon-inline\"><svg class=\"icon\""),
                arguments(
                        "unknown icon",
                        "Press {% icon galaxy-upload %}.",
                        "<span class=\"icon-label\">galaxy upload</span>"),
                arguments("raw tag", "{% raw %}{{ x }} and {% y %}{% endraw %}", "<p>{{ x }} and {% y %}</p>"),
                arguments("raw in code", "`{% raw %}{{ x }}{% endraw %}`", "<p><code>{{ x }}</code></p>"),
                arguments("comment tag", "a{% comment %} hidden {% endcomment %}b", "<p>ab</p>"),
                arguments(
                        "cite tag",
                        "As shown {% cite knuth1974 %}.",
                        "<a class=\"citation\" href=\"#citation-knuth1974\" title=\"knuth1974\">[1]</a>"),
                arguments("tool tag", "Run {% tool [Sort](sort1) %}.", "<span class=\"tool\">Sort</span>"),
                arguments(
                        "site.baseurl", "[home]({{ site.baseurl }}/index.html)", "<a href=\"../index.html\">home</a>"),
                arguments(
                        "liquid in code",
                        "```\n{% icon x %}\n```",
                        "<pre class=\"code\"><code>{% icon x %}\n</code></pre>"),
                arguments(
                        "java highlight",
                        "```java\nint x = 1; // one\n```",
                        "<span class=\"tok-kw\">int</span> x = <span class=\"tok-num\">1</span>; <span class=\"tok-com\">// one</span>"),
                arguments("code keeps indent", "```\na\n    b\n```", "<code>a\n    b\n</code>"),
                arguments(
                        "box inside list",
                        "1. One\n\n   > <tip-title>T</tip-title>\n   > x\n   {: .tip}\n\n2. Two",
                        "<li>\n<p>One</p>\n<details id=\"tip-t\""),
                arguments(
                        "gt inside code",
                        "```\n> not a box\n{: .question}\n```",
                        "<code>&gt; not a box\n{: .question}\n</code>"),
                arguments(
                        "closing after a blank line",
                        "> <tip-title>T</tip-title>\n> x\n\n{: .tip}",
                        "<details id=\"tip-t\" class=\"box box-tip tip\">"),
                arguments(
                        "link in a title",
                        "> <tip-title>See [the docs](https://example.org/)</tip-title>\n> x\n{: .tip}",
                        "<details id=\"tip-see-the-docs\" class=\"box box-tip tip\"><summary class=\"box-title\">"),
                arguments("raw on lines of its own", "{% raw %}\n{{ a }}\n{% endraw %}", "<p>{{ a }}</p>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialect")
    void rendersTheDialect(String name, String markdown, String html) throws IOException {
        Files.createDirectories(content.resolve("topic"));
        Files.write(content.resolve("topic/a.png"), new byte[] {1});
        Lesson lesson = load(markdown + "\n");

        assertTrue(html(lesson).contains(html), "expected\n" + html + "\nin\n" + html(lesson));
        assertEquals(List.of(), diagnostics.all(), "no warnings for regular input");
    }

    @Test
    void oldBoxTitleFormRendersAsABoxWithAWarning() throws IOException {
        Lesson lesson = load(lines("> ### {% icon hands_on %} Hands-on: Upload", "> Do it.", "{: .hands_on}"));

        assertTrue(html(lesson).contains("<span>Hands-on: Upload</span>"), html(lesson));
        assertFalse(html(lesson).contains("###"), html(lesson));
        assertEquals(
                List.of("lesson.md:1: warning: old box title form '### {% icon hands_on %} …': "
                        + "write <hands-on-title>…</hands-on-title> instead; rendered as a box all the same"),
                messages());
    }

    @Test
    void abbreviationsAreSpelledOutOnceThenMarkedUp() throws IOException {
        Lesson lesson = load(lines(
                "---",
                "abbreviations:",
                "  GIL: Global Interpreter Lock",
                "---",
                "The {GIL} first, the {GIL} again, and `{GIL}` in code."));

        assertTrue(
                html(lesson)
                        .contains(
                                "The Global Interpreter Lock (GIL) first, the "
                                        + "<abbr title=\"Global Interpreter Lock\">GIL</abbr> again, and <code>{GIL}</code> in code."),
                html(lesson));
        assertEquals(List.of(new Lesson.Term("GIL", "Global Interpreter Lock")), lesson.glossary());
    }

    @Test
    void measuredValuesStayInlineInsideASolution() throws IOException {
        Lesson lesson = load(lines(
                "> <question-title>How fast?</question-title>",
                ">",
                "> > <solution-title></solution-title>",
                "> > It took {% measured SleepBenchmark.map poolSize=4 %} on four threads.",
                "> {: .solution}",
                "{: .question}"));

        ResultNode value = lesson.blocks().getFirst();
        assertEquals(ResultNode.Kind.VALUE, value.kind());
        assertEquals("SleepBenchmark.map poolSize=4", value.body());
        assertEquals(4, value.location().line());
        assertEquals(13, value.location().column(), "the tag's column");
        assertTrue(
                Pattern.compile(
                                "<details id=\"solution\"[^>]*>.*<p>It took \\[measured 1\\] on four threads\\.</p>",
                                Pattern.DOTALL)
                        .matcher(html(lesson))
                        .find(),
                html(lesson));
    }

    @Test
    void chartBlocksInsideBoxesKeepTheirYamlAndLine() throws IOException {
        Lesson lesson = load(lines(
                "Intro.",
                "",
                "> <details-title>Data</details-title>",
                "> ```chart",
                "> benchmark: SleepBenchmark.map",
                "> x: poolSize",
                "> ```",
                "{: .details}"));

        ResultNode chart = lesson.blocks().getFirst();
        assertEquals(ResultNode.Kind.CHART, chart.kind());
        assertEquals("benchmark: SleepBenchmark.map\nx: poolSize\n", chart.body());
        assertEquals(5, chart.location().line());
        assertTrue(html(lesson).contains("<div class=\"box-content\">\n[chart 1]\n</div>"), html(lesson));
    }

    @Test
    void headingsAndBoxesGetUniqueIdsAndTheAgendaListsTheSections() throws IOException {
        Lesson lesson = load(lines(
                "> <agenda-title></agenda-title>",
                "> 1. TOC",
                "> {:toc}",
                "{: .agenda}",
                "",
                "## Setup",
                "### Try it",
                "## Run",
                "### Try it",
                "## Setup",
                "> <tip-title>Try it</tip-title>",
                "> x",
                "{: .tip}",
                "",
                "> <tip-title>Try it</tip-title>",
                "> y",
                "{: .tip}"));

        String html = html(lesson);
        for (String id : List.of("setup", "try-it", "run", "try-it-1", "setup-1", "tip-try-it", "tip-try-it-1")) {
            assertEquals(1, html.split("id=\"" + id + "\"", -1).length - 1, "id " + id + " once in " + html);
        }
        assertTrue(
                html.contains(
                        "<ol class=\"toc\"><li><a href=\"#setup\">Setup</a><ol class=\"toc\"><li><a href=\"#try-it\">"
                                + "Try it</a></li></ol></li><li><a href=\"#run\">Run</a>"),
                html);
        assertEquals(3, lesson.toc().size());
        assertFalse(html.contains("TOC") || html.contains("{:toc}"), html);
    }

    @Test
    void lessonsWrittenWithHashSectionsMoveDownALevel() throws IOException {
        Lesson lesson = load(lines("# Part one", "## Detail"));

        assertTrue(
                html(lesson).contains("<h2 id=\"part-one\">Part one</h2>\n<h3 id=\"detail\">Detail</h3>"),
                html(lesson));
    }

    @Test
    void frontMatterIsTypedAndKeepsUnknownKeys() throws IOException {
        Lesson lesson = load(lines(
                "---",
                "title: Pools",
                "level: Advanced",
                "time_estimation: 1H30M",
                "contributors: [ada]",
                "contributions:",
                "  authorship: [linus]",
                "  editing: [grace]",
                "requirements:",
                "  - type: external",
                "    title: JDK docs",
                "    link: https://example.org/jdk",
                "  - type: internal",
                "    topic_name: basics",
                "    tutorials: [threads]",
                "priority: 3",
                "notebook:",
                "  language: java",
                "---",
                "Body."));

        assertEquals("Pools", lesson.title());
        assertEquals("1 hour 30 minutes", lesson.time());
        assertEquals(3, lesson.priority());
        assertEquals(
                List.of(
                        new Lesson.Role("authorship", "Authors", List.of("ada", "linus")),
                        new Lesson.Role("editing", "Editors", List.of("grace"))),
                lesson.contributors());
        assertEquals("JDK docs", lesson.meta().requirements().get(0).label());
        assertEquals("basics: threads", lesson.meta().requirements().get(1).label());
        assertEquals(java.util.Map.of("language", "java"), lesson.frontMatter().get("notebook"));
        assertTrue(lesson.hasOverview());
    }

    @Test
    void everyMarkdownFileIsALessonExceptTheResults() throws IOException {
        Files.createDirectories(content.resolve("a/b"));
        Files.createDirectories(content.resolve("results/m"));
        Files.writeString(content.resolve("top.md"), "Top.\n");
        Files.writeString(content.resolve("a/b/deep.md"), "Deep.\n");
        Files.writeString(content.resolve("a/b/figure.png"), "png");
        Files.writeString(content.resolve("results/m/notes.md"), "Not a lesson.\n");

        LessonLoader loader = new LessonLoader();
        List<Lesson> lessons = loader.loadAll(content, List.of(content.resolve("results")), diagnostics);

        assertEquals(
                List.of("a/b/deep.html", "top.html"),
                lessons.stream().map(Lesson::path).toList());
        assertEquals(
                List.of(Path.of("a/b/figure.png")), loader.resources(content, List.of(content.resolve("results"))));
    }

    /**
     * Lessons parse side by side; their messages still come lesson by lesson in file order, and a
     * lesson that cannot be read leaves the others loaded.
     */
    @Test
    void lessonsParsedSideBySideReportInFileOrder() throws IOException {
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String name = String.format("lesson-%02d.md", i);
            if (i == 7) {
                Files.writeString(content.resolve(name), "---\ntitle: [a, b]\n---\nBody.\n");
                expected.add(name + ":2: 'title' must be a single value, not a list");
                continue;
            }
            Files.writeString(content.resolve(name), "\n".repeat(i) + "See {% youtube x %}.\n");
            expected.add(name + ":" + (i + 1) + ": cannot resolve the Liquid tag {% youtube %}; it is left out");
        }

        List<Lesson> lessons = new LessonLoader().loadAll(content, List.of(), diagnostics);

        assertEquals(
                expected,
                diagnostics.all().stream()
                        .map(d -> d.location().file().getFileName() + ":"
                                + d.location().line() + ": " + d.message())
                        .toList());
        assertEquals(11, lessons.size());
        assertEquals(
                "lesson-08.html", lessons.get(7).path(), "lesson-07 cannot be read, and the rest keep their order");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "title as list    | 'title: [a, b]'            | 2:1 | 'title' must be a single value, not a list",
                "questions text   | 'questions: Why?'          | 2:1 | 'questions' must be a list ('- item' lines), not 'Why?'",
                "nested question  | 'questions:\n- [a, b]'     | 3:3 | each item of 'questions' must be a single value, not a list",
                "roles as list    | 'contributions: [ada]'     | 2:1 | 'contributions' must map roles to lists of names",
                "abbrevs as list  | 'abbreviations: [JVM]'     | 2:1 | 'abbreviations' must map each abbreviation to its meaning",
                "requirement text | 'requirements: [JDK]'      | 2:16 | each item of 'requirements' must have keys such as 'type:'",
                "priority word    | 'priority: soon'           | 2:1 | 'priority' must be a whole number, not 'soon'",
                "duplicate key    | 'title: a\ntitle: b'       | 3:1 | bad YAML front matter: found duplicate key title",
                "not a mapping    | '- just a list'            | 2:1 | front matter must be YAML keys with values",
            })
    void wronglyTypedFrontMatterNamesFileLineAndColumn(String name, String yaml, String at, String message)
            throws IOException {
        InputException error =
                assertThrows(InputException.class, () -> load("---\n" + yaml.replace("\\n", "\n") + "\n---\nBody.\n"));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith(content.resolve("topic/lesson.md") + ":" + at + ": error: " + message), text);
    }

    @Test
    void warningsComeInLineOrderWhicheverPassFoundThem() throws IOException {
        load(lines("> <exercise-title>E</exercise-title>", "> x", "{: .exercise}", "", "Then {% youtube x %}."));

        assertEquals(
                List.of(1, 5),
                diagnostics.all().stream().map(d -> d.location().line()).toList(),
                messages().toString());
    }

    private List<String> messages() {
        return diagnostics.all().stream()
                .map(Diagnostic::toString)
                .map(text -> text.substring(text.indexOf("lesson.md")))
                .toList();
    }

    @Test
    void boxesNestedInListStepsAsGtnTutorialsWriteThem() throws IOException {
        Lesson lesson = load(lines(
                "> <hands-on-title>Branches</hands-on-title>",
                ">",
                "> 1. Make a branch:",
                ">",
                ">    > <code-in-title>Bash</code-in-title>",
                ">    > ```bash",
                ">    > git checkout -b feature",
                ">    > ```",
                ">    {: .code-in}",
                ">",
                ">    Then check it:",
                ">",
                ">    > > <code-in-title>Bash</code-in-title>",
                ">    > > ```bash",
                ">    > > git branch",
                ">    > > ```",
                ">    > {: .code-in}",
                ">    >",
                ">    > > <code-out-title></code-out-title>",
                ">    > > {% raw %}",
                ">    > > ```diff",
                ">    > > +{{ value }}",
                ">    > > {% endraw %}",
                ">    > > ```",
                ">    > > {: data-commit=\"Add hosts\"}",
                ">    > {: .code-out}",
                ">    {: .code-2col}",
                ">",
                "> 2. Done.",
                "{: .hands_on}"));

        String html = html(lesson);
        assertEquals(List.of(), diagnostics.all());
        assertTrue(
                Pattern.compile(
                                "<div id=\"hands-on-branches\"[^>]*>.*<ol>\\s*<li>\\s*<p>Make a branch:</p>\\s*"
                                        + "<div id=\"code-in-bash\".*<p>Then check it:</p>\\s*<div class=\"code-2col\">.*</div>\\s*</li>\\s*"
                                        + "<li>\\s*<p>Done.</p>\\s*</li>\\s*</ol>",
                                Pattern.DOTALL)
                        .matcher(html)
                        .find(),
                html);
        assertTrue(
                html.contains(
                        "<pre class=\"code\" data-commit=\"Add hosts\" data-lang=\"diff\"><code class=\"language-diff\">"
                                + "+{{ value }}\n\n</code></pre>"),
                html); // the {% endraw %} line stays, empty, as in Jekyll
        assertEquals(3, html.split("class=\"box box-code-", -1).length - 1, "three code boxes");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "link to nothing     | ~See [x]({% link nowhere/lesson.md %}).~ | lesson.md:1:9: warning: {% link nowhere/lesson.md %}: no such file under the content folder",
                "unknown output      | ~Hi {{ page.author }}.~ | lesson.md:1:4: warning: cannot resolve the Liquid output {{ page.author }}; it is left out",
                "remote image        | ~![logo](https://example.org/logo.png)~ | lesson.md:1: warning: image 'https://example.org/logo.png' loads from another site",
                "snippet stays a paragraph | ~Intro.\n\n{% snippet faqs/x.md %}~ | lesson.md:3:1: warning: cannot include 'faqs/x.md'",
                "tag without end     | ~Click {% icon solution here.~ | lesson.md:1:7: warning: a Liquid tag opened with {% is not closed with %} on the same line",
                "closing of another  | ~> <tip-title>T</tip-title>\n> x\n{: .comment}~ | lesson.md:1: warning: the box titled <tip-title> is closed with {: .comment}; shown as a comment box",
                "chart never closed  | ~```chart\nbenchmark: X~ | lesson.md:1: warning: the ```chart block is never closed; shown as code",
            })
    void irregularInputIsNamedByLine(String name, String markdown, String warning) throws IOException {
        Lesson lesson = load(markdown.replace("\\n", "\n") + "\n");

        assertEquals(1, messages().size(), messages().toString());
        assertTrue(messages().getFirst().startsWith(warning), messages().getFirst());
        assertFalse(html(lesson).contains("\n<span"), "inline notes stay inside a paragraph: " + html(lesson));
    }
}
