package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end: a results folder with this suite's runs on two machines and another project's file. */
class ResultPagesTest {

    @TempDir
    Path temp;

    private Path results;

    @BeforeEach
    void results() {
        results = Fixtures.copy(Fixtures.fixture("modes-results"), temp.resolve("results"));
        Fixtures.copy(Fixtures.fixture("foreign-results"), results);
    }

    private BuildSummary build(Path out) {
        return new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.fixture("modes-content"),
                        Fixtures.templates(),
                        results,
                        out,
                        Optional.of("lab-a"),
                        true));
    }

    @Test
    void everyChartBlockResolvesToPicturesThatExist() throws IOException {
        Path site = temp.resolve("site");
        build(site);

        String page = Files.readString(site.resolve("pools.html"));
        assertFalse(page.contains("poolbench:"), "no placeholder left");
        List<String> pictures = Pattern.compile("(?:src|srcset)=\"([^\"]+\\.png)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertEquals(20, pictures.size(), "five charts, light and dark, wide and narrow");
        for (String picture : pictures) {
            BufferedImage png = ImageIO.read(site.resolve(picture).toFile());
            assertEquals(picture.contains("-narrow") ? 720 : 1440, png.getWidth(), picture);
        }
        assertEquals(
                1,
                Pattern.compile("<div class=\"results-block\">")
                        .matcher(page)
                        .results()
                        .count(),
                "the results table");
        for (String href : Pattern.compile("href=\"(data/[^\"]+)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList()) {
            assertTrue(Files.isRegularFile(site.resolve(href)), href);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab-a", "lab-b", "other-laptop"})
    void everyMachinePageListsAndChartsAllItsBenchmarks(String machine) throws IOException {
        Path site = temp.resolve("site");
        build(site);

        String page = Files.readString(site.resolve("machines/" + machine + ".html"));
        ResultRun run = ResultsLoader.load(results).latest(machine).orElseThrow();
        Set<String> listed = Pattern.compile("<span class=\"benchmark\">([^<]+)</span> \\((\\w+)\\)")
                .matcher(page)
                .results()
                .map(m -> m.group(1) + " " + m.group(2))
                .collect(Collectors.toSet());
        Set<String> measured =
                run.results().stream().map(r -> r.shortName() + " " + r.mode()).collect(Collectors.toSet());
        assertEquals(measured, listed);
        Set<String> figures = Pattern.compile("<figure class=\"chart\" id=\"([^\"]+)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
        Set<String> linked = Pattern.compile("href=\"#([^\"]+)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .filter(id -> !id.equals("content")) // the layout's skip link
                .collect(Collectors.toSet());
        assertEquals(figures, linked, "every benchmark links a chart on the page, and every chart is linked");
        for (BenchmarkResult result : run.results()) {
            assertTrue(
                    page.contains("<td class=\"num\">"
                            + Quantities.score(
                                    result.primary().score(), result.primary().error()) + "</td>"),
                    "the page's data tables quote " + result.shortName() + " " + result.params());
        }
    }

    @Test
    void anotherProjectsFileGetsAMachinePageWithACardSayingWhatIsUnknown() throws IOException {
        Path site = temp.resolve("site");
        build(site);

        String page = Files.readString(site.resolve("machines/other-laptop.html"));
        assertEquals(
                3,
                Pattern.compile("<figure class=\"chart\"")
                        .matcher(page)
                        .results()
                        .count(),
                "ListBenchmark by size and impl, FlagBenchmark by enabled, HashBenchmark's two methods");
        assertTrue(page.contains("No machine.json beside these results"), page);
        assertTrue(page.contains("ops/ms"));
    }

    @Test
    void comparisonListsDifferencesAndRefusesToCallOverlapsAWin() throws IOException {
        Path site = temp.resolve("site");
        build(site);

        String page = Files.readString(site.resolve("compare.html"));
        assertTrue(
                page.contains(
                        "<tr class=\"differs\"><th scope=\"row\">CPU (differs)</th><td>AMD EPYC 7B13</td><td>Intel Xeon E5-2690</td>"),
                page);
        assertTrue(page.contains("no faster than"), "overlapping intervals at poolSize 1 of SquareBenchmark");
        assertTrue(page.contains("faster than lab-b: "), page);
        String methodology = Files.readString(site.resolve("methodology.html"));
        assertTrue(methodology.contains("<td>1.37</td>"), methodology);
    }

    @Test
    void theSameInputsGiveByteIdenticalSites() throws IOException {
        // Separate folders, so separate chart caches: the second build draws every chart again.
        Path first = temp.resolve("a/site");
        Path second = temp.resolve("b/site");
        build(first);
        build(second);

        List<Path> files = files(first);
        assertEquals(files, files(second));
        for (Path file : files) {
            assertArrayEquals(
                    Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file.toString());
        }
    }

    @Test
    void aRebuildCopiesChartsFromTheCacheInsteadOfDrawing() throws IOException {
        Path site = temp.resolve("site");
        BuildSummary cold = build(site);
        byte[] before = Files.readAllBytes(site.resolve("charts/pools-1.png"));
        BuildSummary warm = build(site);

        assertTrue(cold.timings().drawn() > 0);
        assertEquals(0, cold.timings().cached());
        assertEquals(0, warm.timings().drawn(), "nothing changed, so nothing is drawn");
        assertEquals(cold.timings().drawn(), warm.timings().cached());
        assertArrayEquals(before, Files.readAllBytes(site.resolve("charts/pools-1.png")));
    }

    @Test
    void theBuildBenchmarkFixtureGivesFiftyCharts() {
        Path speed = Fixtures.fixture("speed");
        BuildSummary summary = new SiteBuilder()
                .build(new BuildRequest(
                        speed.resolve("content"),
                        Fixtures.templates(),
                        speed.resolve("results"),
                        temp.resolve("site"),
                        Optional.empty(),
                        true));

        assertEquals(51, summary.charts(), "what build --timings over this fixture measures");
        assertEquals(4 * 51, summary.timings().drawn(), "light and dark, wide and narrow PNGs each");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(root::relativize)
                    .sorted()
                    .toList();
        }
    }
}
