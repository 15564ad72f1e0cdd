package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real {@code content/} built quoting real smoke and quick runs, recorded on the project's
 * reference machine with {@code ./poolbench bench --profile smoke|quick} and kept as fixtures
 * ({@code fixtures/real-*-run}): alone, beside the committed reference under the same machine id
 * (what a reader's {@code report} leaves behind), and filed as {@code github-linux-x64} beside it
 * (what the Pages build does). Each build exits 0 and writes every lesson page; the claims such a
 * run cannot resolve say "not measured by this run" in their place.
 */
class RealRunBuildTest {

    private static final Path CONTENT = Fixtures.repoRoot().resolve("content");
    private static final String MACHINE = "amd-epyc-2c-24g-linux-4dc3b4";

    @TempDir
    Path temp;

    /** A results folder: the run's fixture filed under {@code filedAs}, with the committed results when {@code beside}. */
    private Path results(String profile, boolean beside, String filedAs) throws IOException {
        Path results = temp.resolve("results");
        if (beside) {
            Fixtures.copy(CONTENT.resolve("results"), results);
        }
        Fixtures.copy(Fixtures.fixture("real-" + profile + "-run").resolve(MACHINE), results.resolve(filedAs));
        return results;
    }

    private CliRunner build(Path results, String... quote) {
        return CliRunner.build(CONTENT, results, temp.resolve("site"), quote);
    }

    /** Every page content/ has: the index and one page per lesson. */
    private void assertEveryPage() throws IOException {
        Path site = temp.resolve("site");
        assertTrue(Files.isRegularFile(site.resolve("index.html")), "index.html");
        try (Stream<Path> lessons = Files.list(CONTENT.resolve("lessons"))) {
            List<Path> missing = lessons.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> site.resolve("lessons")
                            .resolve(p.getFileName().toString().replaceFirst("\\.md$", ".html")))
                    .filter(p -> !Files.isRegularFile(p))
                    .toList();
            assertEquals(List.of(), missing);
        }
    }

    private String page(String path) throws IOException {
        return Files.readString(temp.resolve("site").resolve(path), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} run, beside the reference: {1}, filed as {2}")
    @CsvSource({
        "smoke, false, amd-epyc-2c-24g-linux-4dc3b4",
        "smoke, true,  amd-epyc-2c-24g-linux-4dc3b4",
        "smoke, true,  github-linux-x64",
        "quick, false, amd-epyc-2c-24g-linux-4dc3b4",
        "quick, true,  amd-epyc-2c-24g-linux-4dc3b4",
        "quick, true,  github-linux-x64",
    })
    void aBuildQuotingARealRunExitsZeroWithEveryPage(String profile, boolean beside, String filedAs)
            throws IOException {
        CliRunner result = build(results(profile, beside, filedAs), "--quote-machine", filedAs);

        assertEquals(0, result.exitCode(), result.err());
        assertEveryPage();
        String index = page("index.html");
        if (profile.equals("quick")) {
            // Quick measures ManyBenchmark but not THREAD at 10,000 workers, which the index's claim needs.
            assertTrue(
                    index.contains(
                            "not measured by this run: <code>./poolbench report --profile full</code> measures it"),
                    "the index says where its number would be");
            assertTrue(
                    result.out()
                            .contains("content/index.md:"
                                    + Fixtures.lineOf(CONTENT.resolve("index.md"), "{% compare ManyBenchmark.map")
                                    + ":1: warning: compare: not measured by this run (" + filedAs
                                    + "/"),
                    result.out());
        } else {
            // Smoke does not measure ManyBenchmark at all: the whole finding says so.
            assertTrue(
                    result.out()
                            .contains(
                                    "content/index.md:"
                                            + Fixtures.lineOf(CONTENT.resolve("index.md"), "## 10,000 waits need")
                                            + ": warning: finding '10,000 waits need 10,000 threads,"
                                            + " and virtual ones are cheaper': the quoted run did not measure ManyBenchmark.map"),
                    result.out());
        }
        assertFalse(index.contains(MACHINE + "/2026-12-01T1719Z-full"), "no number of the reference is quoted");
    }

    @ParameterizedTest(name = "a plain build beside a {0} run quotes the reference")
    @CsvSource({"smoke", "quick"})
    void aPlainBuildBesideAReadersRunQuotesTheReference(String profile) throws IOException {
        CliRunner result = build(results(profile, true, MACHINE));

        assertEquals(0, result.exitCode(), result.err());
        assertEveryPage();
        assertFalse(result.out().contains("not measured by this run"), result.out());
        assertFalse(page("lessons/virtual-threads.html").contains("missing-result"));
        assertTrue(page("lessons/virtual-threads.html").contains(MACHINE + "/2026-12-01T1719Z-full"));
        assertFalse(
                page("lessons/virtual-threads.html").contains("-" + profile + "<"), "no number of the reader's run");
    }
}
