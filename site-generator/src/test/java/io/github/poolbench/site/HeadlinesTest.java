package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.format.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The findings on the index, from the repository's own {@code content/index.md} built against a
 * full run's results (a fixture cut from the reference machine's full run), and the errors an
 * author of such a page meets.
 */
class HeadlinesTest {

    /** The reference run, cut down to the benchmarks the findings name. */
    static final String RESULTS = "landing-results";

    static final String RUN = "amd-epyc-2c-24g-linux-4dc3b4/2026-12-01T0953Z-full";

    @TempDir
    Path temp;

    /**
     * A content folder holding the real {@code index.md} and a stub of each lesson it links into,
     * so the test builds exactly the findings the site publishes.
     */
    static Path landingContent(Path folder) throws IOException {
        Path content = Files.createDirectories(folder.resolve("content"));
        Files.copy(Fixtures.repoRoot().resolve("content/index.md"), content.resolve("index.md"));
        Path lessons = Files.createDirectories(content.resolve("lessons"));
        for (String lesson : List.of("threads-and-processes", "pools-and-parallelism", "virtual-threads")) {
            Files.writeString(
                    lessons.resolve(lesson + ".md"), "---\ntitle: \"Stub of " + lesson + "\"\n---\n\nA stub.\n");
        }
        return content;
    }

    private BuildSummary build(Path content, Path results, boolean strict) {
        return new SiteBuilder()
                .build(new BuildRequest(
                        content, Fixtures.templates(), results, temp.resolve("site"), Optional.empty(), strict));
    }

    private Document index() throws IOException {
        return Jsoup.parse(temp.resolve("site/index.html").toFile());
    }

    @Test
    void eachFindingShowsItsChartItsVerdictAndItsLesson() throws IOException {
        BuildSummary summary = build(landingContent(temp), Fixtures.fixture(RESULTS), false);

        Document index = index();
        List<Element> findings = index.select("article.finding");
        assertEquals(4, findings.size(), index.select(".findings").outerHtml());
        for (Element finding : findings) {
            String name = finding.select("h3").text();
            assertEquals(1, finding.select("figure.chart picture img").size(), name);
            assertTrue(
                    Files.exists(temp.resolve("site")
                            .resolve(finding.select("figure.chart img").attr("src"))),
                    name);
            assertTrue(
                    Files.exists(temp.resolve("site")
                            .resolve(finding.select("figure.chart source").attr("srcset"))),
                    name + ": the dark variant");
            Element verdict = finding.selectFirst(".verdict[data-expected][data-verdict]");
            assertTrue(verdict != null, name + " has a verdict");
            assertTrue(
                    List.of("faster", "slower", "same", "unknown").contains(verdict.attr("data-verdict")),
                    verdict.outerHtml());
            assertTrue(finding.select("a[href^=lessons/]").size() == 1, name + " links into its lesson");
        }
        assertEquals(
                "Two threads count primes in about half the time",
                findings.getFirst().select("h3").text());
        assertEquals(
                "faster", findings.getFirst().selectFirst(".verdict").attr("data-verdict"), "two cores, two threads");
        assertEquals(
                List.of(),
                summary.warnings().stream()
                        .filter(w -> !w.message().startsWith("compare: "))
                        .toList(),
                "only claims the data may not back warn");
        assertTrue(
                index.select("#lessons + ol .card-title a").stream()
                        .noneMatch(a -> a.attr("href").equals("index.html")),
                "index.md is no lesson");
        assertEquals(3 + 1 + 2, summary.pages(), "three lessons, the index, the machine and the methodology page");
    }

    @Test
    void theRunTheyComeFromAndTheCommandThatReproducesThemAreNamed() throws IOException {
        build(landingContent(temp), Fixtures.fixture(RESULTS), false);

        Element source = index().selectFirst(".findings-source");
        assertTrue(source != null, "a source box");
        String text = source.text();
        assertTrue(
                text.contains(
                        "Machine amd-epyc-2c-24g-linux-4dc3b4 (CPU: AMD EPYC; Cores: 2 available to the JVM, 2 physical;"),
                text);
        assertTrue(text.contains("run 2026-12-01T0953Z-full"), text);
        assertTrue(text.contains("Profile full"), text);
        assertTrue(text.contains("Wall time 26 min 7 s"), text);
        assertTrue(text.contains("1-minute load 0.41 before, 2.88 after (2 logical cores)"), text);
        assertEquals(
                "./poolbench report --profile full",
                source.select(".reproduce code.command").text());
        assertEquals(
                "machines/amd-epyc-2c-24g-linux-4dc3b4.html",
                source.select(".source-run a").first().attr("href"));
    }

    @Test
    void aFindingWhoseBenchmarkNoRunMeasuredIsAWarningAndSaysSo() throws IOException {
        Path results = Fixtures.copy(Fixtures.fixture(RESULTS), temp.resolve("results"));
        Path jmh = results.resolve(RUN).resolve("jmh.json");
        ObjectMapper json = new ObjectMapper();
        ArrayNode entries = (ArrayNode) json.readTree(jmh.toFile());
        ArrayNode kept = json.createArrayNode();
        for (JsonNode entry : entries) {
            if (!entry.path("benchmark").asText().contains("CrashDetectionBenchmark")) {
                kept.add(entry);
            }
        }
        json.writeValue(jmh.toFile(), kept);
        Path content = landingContent(temp);

        BuildSummary summary = build(content, results, false);

        List<String> warnings = summary.warnings().stream()
                .map(Diagnostic::toString)
                .filter(w -> w.contains("finding"))
                .toList();
        assertEquals(
                List.of(content.resolve("index.md")
                        + ":" + Fixtures.lineOf(content.resolve("index.md"), "## A crashed worker is noticed")
                        + ": warning: finding 'A crashed worker is noticed, not waited for': "
                        + "the quoted run did not measure CrashDetectionBenchmark.killedMidTask, CrashDetectionBenchmark.baselineRoundTrip; "
                        + "the index says so in its place (./poolbench report --profile full measures it)"),
                warnings);
        Element missing = index().selectFirst("article.finding-missing");
        assertTrue(missing != null, "the finding is still on the page");
        assertEquals(0, missing.select("img").size(), "without a chart");
        assertEquals("unmeasured", missing.selectFirst(".verdict").attr("data-verdict"));
        assertEquals("slower", missing.selectFirst(".verdict").attr("data-expected"));
        assertEquals(
                "./poolbench report --profile full",
                missing.select("code.command").text());
        assertEquals("lessons/threads-and-processes.html", missing.select("a").attr("href"));
        assertEquals(
                3, index().select("article.finding:not(.finding-missing) img").size());
    }

    @Test
    void underStrictAMissingFindingFailsTheBuild() throws IOException {
        Path results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results")); // sleep only

        InputException error = assertThrows(InputException.class, () -> build(landingContent(temp), results, true));

        assertEquals(
                4,
                error.errors().stream()
                        .filter(e -> e.message().contains("the quoted run did not measure"))
                        .count(),
                error.getMessage());
    }

    private Path content(String index) throws IOException {
        Path content = landingContent(temp);
        Files.writeString(content.resolve("index.md"), index);
        return content;
    }

    @Test
    void aFindingWithoutAChartIsAnErrorAtItsHeading() throws IOException {
        Path content = content("""
                Intro.

                ## No chart here

                Primes {% compare PrimesBenchmark.map pool=THREAD poolSize=2 vs PrimesBenchmark.sequential expect=faster %}.
                [Lesson]({% link lessons/virtual-threads.md %})
                """);

        InputException error =
                assertThrows(InputException.class, () -> build(content, Fixtures.fixture(RESULTS), false));

        assertEquals(
                List.of(content.resolve("index.md")
                        + ":3: error: finding 'No chart here' has no chart: add a ```chart block"),
                error.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aFindingWithoutAVerdictOrALessonIsAnErrorAtItsHeading() throws IOException {
        Path content = content("""
                ---
                title: Findings
                ---
                ```text
                ## not a heading: inside a fence
                ```

                ## Only a chart

                ```chart
                benchmark: PrimesBenchmark.map
                x: poolSize
                where: {pool: THREAD}
                ```
                """);

        InputException error =
                assertThrows(InputException.class, () -> build(content, Fixtures.fixture(RESULTS), false));

        String at = content.resolve("index.md") + ":8: error: finding 'Only a chart' ";
        assertEquals(
                List.of(
                        at + "states no verdict: add a {% compare … expect=… %} claim",
                        at + "links to no lesson: add a link such as [Read the lesson]({% link lessons/threads.md %})"),
                error.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aBrokenBlockInAFindingIsTheLessonsErrorAtItsLine() throws IOException {
        Path content = content("""
                ## Primes

                ```chart
                benchmark: PrimesBenchmark.map
                x: poolSize
                where: {pool: THREADS}
                ```

                {% compare PrimesBenchmark.map pool=THREAD poolSize=2 vs PrimesBenchmark.sequential expect=faster %}
                [Lesson]({% link lessons/virtual-threads.md %})
                """);

        InputException error =
                assertThrows(InputException.class, () -> build(content, Fixtures.fixture(RESULTS), false));

        assertEquals(1, error.errors().size(), error.getMessage());
        assertTrue(
                error.errors().getFirst().toString().startsWith(content.resolve("index.md") + ":4:"),
                error.getMessage());
        assertTrue(error.errors().getFirst().message().contains("THREADS"), error.getMessage());
    }

    @Test
    void eachMachinePageSaysHowItsRunsWereMeasuredWhereItKnows() throws IOException {
        Path results = Fixtures.copy(Fixtures.fixture(RESULTS), temp.resolve("results"));
        Fixtures.copy(Fixtures.fixture("results"), results); // test-machine: a run without run.json
        build(landingContent(temp), results, false);

        Document full = Jsoup.parse(
                temp.resolve("site/machines/amd-epyc-2c-24g-linux-4dc3b4.html").toFile());
        Element run = full.selectFirst("li.run");
        String facts = run.select("dl.run-facts").text();
        assertTrue(
                facts.startsWith("Profile full (aims for sleep, fetch and primes errors within 5 %) "
                        + "Measured 2026-12-01 09:53–10:20 UTC Wall time 26 min 7 s "
                        + "1-minute load 0.41 before, 2.88 after (2 logical cores) "
                        + "Largest error ± 92 %, RoundTripBenchmark.submitOne (pool=VIRTUAL poolSize=1) "
                        + "Reproduce ./poolbench report --profile full"),
                facts);
        assertEquals(11, run.select("table.run-errors tbody tr").size(), "one row per benchmark class");
        assertEquals(
                "PrimesBenchmark 13 1.2 % 18 % 11",
                run.select("table.run-errors tbody tr").get(2).text());
        assertTrue(
                Files.exists(temp.resolve("site/data/amd-epyc-2c-24g-linux-4dc3b4/2026-12-01T0953Z-full/run.json")),
                "run.json is published beside the JMH JSON");

        Document bare =
                Jsoup.parse(temp.resolve("site/machines/test-machine.html").toFile());
        assertEquals(1, bare.select("li.run").size());
        assertEquals(
                0,
                bare.select("dl.run-facts, table.run-errors, a[href$=run.json]").size(),
                "nothing to say");
    }

    @Test
    void theIndexAndTheMachinePageAreValidHtml5() throws Exception {
        build(landingContent(temp), Fixtures.fixture(RESULTS), false);

        assertEquals(List.of(), BuiltSiteTest.html5Errors(temp.resolve("site/index.html")));
        assertEquals(
                List.of(), BuiltSiteTest.html5Errors(temp.resolve("site/machines/amd-epyc-2c-24g-linux-4dc3b4.html")));
    }

    @Test
    void theCommandIsTheSmallestProfileThatMeasuresABenchmark() {
        assertEquals(Optional.of(Profile.SMOKE), Headlines.profileFor("SleepBenchmark.map"));
        assertEquals(Optional.of(Profile.QUICK), Headlines.profileFor("PoolStartupBenchmark.open"));
        assertEquals(Optional.of(Profile.FULL), Headlines.profileFor("CrashDetectionBenchmark.killedMidTask"));
        assertEquals(Optional.empty(), Headlines.profileFor("OtherProjectBenchmark.run"));
    }
}
