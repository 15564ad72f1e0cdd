package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The site built from the GTN fixture lessons (one using every feature), checked as a reader's
 * browser would meet it: valid HTML5, no link or image that leads nowhere, no request that leaves
 * the site, and no piece of the GTN dialect left as text.
 */
class BuiltSiteTest {

    @TempDir
    static Path temp;

    static Path site;
    static BuildSummary summary;

    @BeforeAll
    static void build() {
        site = temp.resolve("site");
        // strict: the fixture lessons are regular input, so any warning fails the build
        summary = new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.fixture("gtn/content"),
                        Fixtures.templates(),
                        Fixtures.fixture("results"),
                        site,
                        Optional.empty(),
                        true));
    }

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList().stream();
        }
    }

    static Path kitchenSink() {
        return site.resolve("lessons/threads-and-pools.html");
    }

    @Test
    void buildsEveryLessonIntoItsPathWithNoWarnings() {
        assertEquals(List.of(), summary.warnings());
        assertEquals(3 + 2, summary.pages(), "index, two lessons, the machine page and the methodology page");
        assertTrue(Files.exists(kitchenSink()));
        assertTrue(Files.exists(site.resolve("lessons/basics/first-steps.html")), "the URL follows the file's path");
        assertTrue(Files.exists(site.resolve("lessons/images/pool-rounds.png")), "images beside lessons are copied");
    }

    @ParameterizedTest(name = "no {0}")
    @ValueSource(
            strings = {
                "{:",
                "{%",
                "%}",
                "{GIL}",
                "{JVM}",
                "{:toc}",
                "-title>",
                "<question-title>",
                "1. TOC",
                "\uE000",
                "\uE001",
                "poolbench-ial",
                "poolbench:toc",
                ":=\"\""
            })
    void noDialectIsLeftInAnyPage(String leak) throws IOException {
        for (Path page : pages().toList()) {
            String html = Files.readString(page);
            int at = html.indexOf(leak);
            assertTrue(
                    at < 0,
                    page + " still holds '" + leak + "': …"
                            + html.substring(Math.max(0, at - 80), Math.min(html.length(), at + 80)) + "…");
        }
    }

    @Test
    void theKitchenSinkShowsEveryFeature() throws IOException {
        Document page = Jsoup.parse(kitchenSink().toFile());

        assertEquals(
                "Threads, pools and the waiting game", page.selectFirst("h1").text());
        assertEquals(2, page.select("#overview h2").size(), "questions and objectives");
        assertTrue(page.selectFirst("#overview").text().contains("1 hour 30 minutes"));
        assertTrue(page.selectFirst(".byline").text().contains("Authors: ada, linus"));
        assertEquals(
                "../lessons/basics/first-steps.html",
                page.selectFirst("#overview a:contains(First steps with threads)")
                        .attr("href"),
                "an internal requirement links to the lesson of that name");
        assertEquals(
                List.of("Why threads at all", "A first task", "Try it", "Pools and rounds", "Try it", "Sizing a pool"),
                page.select("nav.box-agenda .toc a").eachText());
        assertTrue(
                page.selectFirst("#why-threads-at-all + p")
                        .text()
                        .startsWith("A Java program runs on the Java Virtual Machine (JVM), "),
                "the first {JVM} is spelled out");
        assertEquals(
                1,
                page.select("abbr[title=Java Virtual Machine]").stream()
                        .filter(a -> a.closest("#glossary") == null)
                        .count());
        for (String box : List.of(
                "question",
                "solution",
                "hands-on",
                "tip",
                "comment",
                "details",
                "warning",
                "agenda",
                "code-in",
                "code-out")) {
            assertFalse(page.select(".box-" + box).isEmpty(), "a " + box + " box");
        }
        assertEquals(0, page.select("details[open]").size(), "collapsible boxes start closed");
        assertEquals(
                1, page.select(".box-question details.box-solution").size(), "the solution sits inside its question");
        assertEquals(1, page.select(".box-hands-on ol > li details.box-tip").size(), "a tip inside a hands-on step");
        assertEquals(2, page.select(".code-2col > .box").size());
        assertEquals(
                "Figure 1: Twelve tasks on four threads finish in three rounds.",
                page.selectFirst("figure figcaption").text());
        assertFalse(page.select("pre.code[data-lang=java] .tok-kw").isEmpty(), "highlighted Java");
        assertFalse(page.select("table.rounds-table").isEmpty(), "a table with its class");
        assertFalse(page.select("ul.sizing-rules").isEmpty(), "a list with its class");
        assertEquals(1, page.select(".box-details figure.chart img").size(), "the chart inside a details box");
        assertTrue(page.selectFirst("#key-points").text().contains("ceil(tasks / n) rounds"));
        assertEquals(
                List.of("pressler2023", "goetz2006"),
                page.select("#references li").eachText());
        assertEquals(List.of("JVM", "GIL"), page.select("#glossary dt").eachText());
        assertTrue(page.text().contains("{{ tasks }}"), "raw text stays verbatim");
        assertEquals(
                "— An old benchmarker",
                page.selectFirst("figure.quote figcaption").text());
    }

    @Test
    void theIndexOrdersLessonsByPriorityThenTitle() throws IOException {
        Document index = Jsoup.parse(site.resolve("index.html").toFile());

        assertEquals(
                List.of("First steps with threads", "Threads, pools and the waiting game"),
                index.select(".cards .card-title").eachText());
        // each machine once, as a link to its page (the index used to list it a second time, bare)
        assertEquals(
                List.of("machines/test-machine.html"),
                index.select("a[href^=machines/]").eachAttr("href"));
        assertEquals(1, index.text().split("test-machine", -1).length - 1, index.text());
    }

    @Test
    void lessonsAreNumberedAndLinkedInPriorityOrder() throws IOException {
        Document index = Jsoup.parse(site.resolve("index.html").toFile());
        Document first =
                Jsoup.parse(site.resolve("lessons/basics/first-steps.html").toFile());
        Document second = Jsoup.parse(kitchenSink().toFile());

        assertEquals(
                "lessons/basics/first-steps.html",
                index.selectFirst(".start-here a").attr("href"),
                "start here leads to the first lesson");
        assertEquals(
                "Lesson 1 of 2", first.selectFirst(".lesson-header .eyebrow").text());
        assertTrue(second.selectFirst(".lesson-header .eyebrow").text().startsWith("Lesson 2 of 2"));
        assertEquals(List.of(), first.select("a[rel=prev]").eachAttr("href"), "the first lesson has nothing before it");
        assertEquals(
                List.of("../../lessons/threads-and-pools.html"),
                first.select("a[rel=next]").eachAttr("href"));
        assertEquals(
                List.of("../lessons/basics/first-steps.html"),
                second.select("a[rel=prev]").eachAttr("href"));
        assertEquals(List.of(), second.select("a[rel=next]").eachAttr("href"), "the last lesson has nothing after it");
        assertEquals(
                List.of("../index.html"),
                second.select(".lesson-nav a.lesson-nav-up").eachAttr("href"),
                "the last lesson leads back to the overview");
        assertEquals(List.of(), first.select(".lesson-nav a.lesson-nav-up").eachAttr("href"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyPageIsValidHtml5(Path page) throws Exception {
        assertEquals(List.of(), html5Errors(page));
    }

    /** What the HTML5 validator finds wrong with a page, one {@code file:line: message [extract]} each. */
    static List<String> html5Errors(Path page) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        JsonNode report = new ObjectMapper().readTree(validator.validate(page));

        List<String> errors = new ArrayList<>();
        for (JsonNode message : report.path("messages")) {
            if (!message.path("type").asText().equals("info")) {
                errors.add(page.getFileName() + ":" + message.path("lastLine").asInt() + ": "
                        + message.path("message").asText() + " ["
                        + message.path("extract").asText() + "]");
            }
        }
        return errors;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyLinkAndImageLeadsSomewhereAndNothingLoadsFromElsewhere(Path page) throws IOException {
        Document document = Jsoup.parse(page.toFile());
        List<String> broken = new ArrayList<>();
        for (Element element :
                document.select("a[href], img[src], link[href], script[src], source[src], iframe[src]")) {
            String target = element.hasAttr("href") ? element.attr("href") : element.attr("src");
            boolean loads = !element.tagName().equals("a");
            if (target.startsWith("http:") || target.startsWith("https:") || target.startsWith("//")) {
                if (loads) {
                    broken.add(element.tagName() + " loads " + target + " from elsewhere");
                }
                continue;
            }
            if (target.startsWith("mailto:")) {
                continue;
            }
            URI uri = URI.create(target);
            Path file = uri.getPath() == null || uri.getPath().isEmpty()
                    ? page
                    : page.getParent()
                            .resolve(URLDecoder.decode(uri.getPath(), StandardCharsets.UTF_8))
                            .normalize();
            if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                broken.add(element.tagName() + " " + target + ": no file " + file);
            } else if (uri.getFragment() != null
                    && file.toString().endsWith(".html")
                    && Jsoup.parse(file.toFile()).getElementById(uri.getFragment()) == null) {
                broken.add(element.tagName() + " " + target + ": no id '" + uri.getFragment() + "' in "
                        + file.getFileName());
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void stylesheetsLoadNothingFromElsewhere() throws IOException {
        try (Stream<Path> css = Files.walk(site.resolve("assets"))) {
            for (Path file : css.filter(p -> p.toString().endsWith(".css")).toList()) {
                String text = Files.readString(file);
                assertFalse(
                        text.contains("@import") || text.matches("(?s).*url\\(\\s*['\"]?(https?:)?//.*"),
                        file + " loads from elsewhere");
            }
        }
    }
}
