package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.poolbench.Fixtures;
import io.github.poolbench.site.BuildRequest;
import io.github.poolbench.site.BuildSummary;
import io.github.poolbench.site.SiteBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole site with a history folder: the trend page, and byte-identical output for identical input. */
class TrendSiteTest {

    @TempDir
    Path temp;

    private BuildSummary build(Path out, Optional<Path> history) {
        return new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.fixture("content"),
                        Fixtures.templates(),
                        Fixtures.fixture("results"),
                        out,
                        Optional.empty(),
                        true,
                        history));
    }

    @Test
    void trendPageFlagsTheRegressionAndChartsEachSeries() throws IOException {
        BuildSummary summary = build(temp.resolve("site"), Optional.of(Fixtures.fixture("history")));

        assertEquals(3 + 2, summary.pages(), "lesson, index and trend page, and the machine and methodology pages");
        assertEquals(
                1 + 3 + 2,
                summary.charts(),
                "the lesson's chart, one per series in two runs or more, and one per benchmark on the machine page");
        String page = Files.readString(temp.resolve("site/trend.html"));
        assertTrue(
                page.contains("The last 3 of 3 recorded runs, from 1111111 (2026-11-20 10:00 UTC) to 3333333"), page);
        Matcher rows = Pattern.compile(
                        "<tr><td>(SleepBenchmark[^<]*) <span class=\"mode\">\\(ss\\)</span></td><td class=\"verdict-[a-z-]+\">([a-z ]+)</td>")
                .matcher(page.substring(0, page.indexOf("<figure")));
        List<String> verdicts = new ArrayList<>();
        while (rows.find()) {
            verdicts.add(rows.group(1).strip() + ": " + rows.group(2));
        }
        assertEquals(
                List.of(
                        "SleepBenchmark.map (poolSize=4, tasks=12): slower",
                        "SleepBenchmark.map (poolSize=1, tasks=12): faster",
                        "SleepBenchmark.sequential (poolSize=1, tasks=12): not known"),
                verdicts);
        assertTrue(
                page.contains("301.5 ± 1.0<br><code>2222222</code>")
                        && page.contains("330.0 ± 2.0<br><code>3333333</code>"),
                page);
        assertTrue(page.contains("<td class=\"verdict-no-faster\">no faster</td>"), "run 2 moved within the noise");
        assertTrue(page.contains("<td class=\"num\">+9.5 %"), "the change in the site's format: " + page);
        for (int chart = 1; chart <= 3; chart++) {
            String name = "charts/trend/1-test-machine-" + chart;
            for (String variant : List.of("", "-dark", "-narrow", "-narrow-dark")) {
                Path png = temp.resolve("site/" + name + variant + ".png");
                assertNotNull(ImageIO.read(png.toFile()), png + " is a PNG");
            }
            assertTrue(page.contains("src=\"" + name + ".png\""), page);
            assertTrue(
                    page.contains("<source media=\"(prefers-color-scheme: dark)\" srcset=\"" + name + "-dark.png\""),
                    page);
            assertTrue(
                    page.contains("and (prefers-color-scheme: dark)\" srcset=\"" + name + "-narrow-dark.png\""), page);
        }
        assertTrue(Files.readString(temp.resolve("site/index.html")).contains("href=\"trend.html\""));
        assertTrue(Files.exists(temp.resolve("site/assets/trend.css")));
    }

    @Test
    void emptyHistoryStillGivesAPageSayingSo() throws IOException {
        build(temp.resolve("site"), Optional.of(temp.resolve("no-history-yet")));

        assertTrue(Files.readString(temp.resolve("site/trend.html")).contains("No runs recorded yet"));
    }

    @Test
    void withoutHistoryThereIsNoTrendPageAndNoLink() throws IOException {
        build(temp.resolve("site"), Optional.empty());

        assertTrue(Files.notExists(temp.resolve("site/trend.html")));
        assertTrue(!Files.readString(temp.resolve("site/index.html")).contains("trend.html"));
    }

    /**
     * One build here and one in a fresh JVM, so per-JVM randomness (hash seeds, {@code Map.of}
     * order, identity hashes) shows up as a difference; same-JVM builds would hide it.
     */
    @Test
    void sameInputBuildsByteIdenticalSiteInAnotherJvm() throws Exception {
        Path here = temp.resolve("a");
        Path there = temp.resolve("b");
        // A machine description with many fields: pages that list it must not depend on map order.
        Path results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results"));
        Files.writeString(results.resolve("test-machine/run-1/machine.json"), """
                {"id": "test-machine", "cpu": "Test CPU", "cores": 2, "memoryGiB": 24, "os": "Linux",
                 "arch": "x86_64", "jdk": "25.0.3", "vm": "OpenJDK 64-Bit Server VM", "container": false,
                 "virtualMachine": true, "commit": "0123456789abcdef"}
                """);
        new SiteBuilder()
                .build(new BuildRequest(
                        Fixtures.fixture("content"),
                        Fixtures.templates(),
                        results,
                        here,
                        Optional.empty(),
                        true,
                        Optional.of(Fixtures.fixture("history"))));

        Path log = temp.resolve("child.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "io.github.poolbench.cli.PoolbenchCli",
                        "build",
                        "--strict",
                        "--content",
                        Fixtures.fixture("content").toString(),
                        "--templates",
                        Fixtures.templates().toString(),
                        "--results",
                        results.toString(),
                        "--history",
                        Fixtures.fixture("history").toString(),
                        "--out",
                        there.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!child.waitFor(3, TimeUnit.MINUTES)) { // a hang guard, not a speed target
            child.destroyForcibly();
            fail("the child build hung: " + Files.readString(log));
        }
        assertEquals(0, child.exitValue(), Files.readString(log));

        List<Path> files = files(here);
        assertEquals(files, files(there), "the same files");
        assertTrue(
                files.stream().anyMatch(f -> f.toString().endsWith(".png")) && files.contains(Path.of("trend.html")));
        for (Path file : files) {
            assertArrayEquals(
                    Files.readAllBytes(here.resolve(file)),
                    Files.readAllBytes(there.resolve(file)),
                    file + " differs between two builds of the same input");
        }
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
