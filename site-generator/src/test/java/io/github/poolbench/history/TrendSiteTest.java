package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.InputException;
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
        return build(Fixtures.fixture("content"), out, history);
    }

    private BuildSummary build(Path content, Path out, Optional<Path> history) {
        return new SiteBuilder()
                .build(new BuildRequest(
                        content,
                        Fixtures.templates(),
                        Fixtures.fixture("results"),
                        out,
                        Optional.empty(),
                        true,
                        history));
    }

    /** The real runs of {@code sets}, one after another, as one machine's history folder. */
    private static void machine(Path history, String machine, String... sets) throws IOException {
        Path folder = Files.createDirectories(history.resolve(machine));
        for (String set : sets) {
            try (Stream<Path> files =
                    Files.list(Fixtures.fixture("history-real/" + set).resolve(RealHistory.MACHINE))) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()));
                }
            }
        }
    }

    @Test
    void trendPageShowsEachChangeAtItsCommitTheExpectedOneAndTheHardwareSegments() throws IOException {
        Path history = temp.resolve("history");
        machine(history, "github-linux-x64", "unchanged", "stretched");
        machine(history, "two-cpus-one-label", "unchanged", "other-hardware");
        String injected = RealHistory.runs("stretched").getFirst().commit();
        Path content = Fixtures.copy(Fixtures.fixture("content"), temp.resolve("content"));
        Files.createDirectories(content.resolve("history"));
        Files.writeString(content.resolve("history/acknowledged.yml"), """
                - commit: %s
                  benchmark: SleepBenchmark.sequential
                  reason: naps made 10 %% longer on purpose
                """.formatted(injected.substring(0, 9)));

        BuildSummary summary = build(content, temp.resolve("site"), Optional.of(history));

        assertEquals(3 + 2, summary.pages(), "lesson, index and trend page, and the machine and methodology pages");
        assertEquals(1 + 8 + 8 + 2, summary.charts(), "the lesson's chart, 8 series per machine, the machine page's 2");
        String page = Files.readString(temp.resolve("site/trend.html"));
        String regressed = page.substring(page.indexOf("<h2>github-linux-x64</h2>"), page.indexOf("<h2>two-cpus"));
        String twoCpus = page.substring(page.indexOf("<h2>two-cpus-one-label</h2>"));
        assertTrue(regressed.contains("in\n<strong>1 hardware segment</strong> (1 hardware signature)."), regressed);
        Matcher rows = Pattern.compile("<tr><td>(SleepBenchmark[^<]*) <span class=\"mode\">\\(ss\\)</span></td>"
                        + "<td class=\"num\">1</td><td><code>([0-9a-f]{7})</code><br>[^<]*</td>"
                        + "<td class=\"verdict-([a-z]+)\">")
                .matcher(regressed);
        List<String> changes = new ArrayList<>();
        while (rows.find()) {
            assertEquals(injected.substring(0, 7), rows.group(2), rows.group());
            changes.add(rows.group(1).replaceFirst(" \\(.*", "") + ": " + rows.group(3));
        }
        assertEquals(
                List.of(
                        "SleepBenchmark.map: slower",
                        "SleepBenchmark.map: slower",
                        "SleepBenchmark.map: slower",
                        "SleepBenchmark.sequential: expected"),
                changes);
        assertTrue(
                regressed.contains("expected<br><span class=\"reason\">naps made 10 % longer on purpose</span>"),
                regressed);
        assertTrue(twoCpus.contains("<strong>2 hardware segments</strong> (2 hardware signatures)."), twoCpus);
        assertTrue(
                twoCpus.contains("Intel Xeon (family 6 model 85 stepping 7)")
                        && twoCpus.contains("AMD EPYC (family 26 model 2 stepping 1)"),
                twoCpus);
        assertTrue(twoCpus.contains("(20 runs); hardware 2 from <code>"), twoCpus);
        assertTrue(twoCpus.contains("No change in any series"), twoCpus);
        for (String machine : List.of("1-github-linux-x64-", "2-two-cpus-one-label-")) {
            for (int chart = 1; chart <= 8; chart++) {
                String name = "charts/trend/" + machine + chart;
                for (String variant : List.of("", "-dark", "-narrow", "-narrow-dark")) {
                    Path png = temp.resolve("site/" + name + variant + ".png");
                    assertNotNull(ImageIO.read(png.toFile()), png + " is a PNG");
                }
                assertTrue(page.contains("src=\"" + name + ".png\""), page);
            }
        }
        assertTrue(Files.readString(temp.resolve("site/index.html")).contains("href=\"trend.html\""));
        assertTrue(Files.exists(temp.resolve("site/assets/trend.css")));
    }

    @Test
    void aBadAcknowledgementStopsTheBuildAtItsLine() throws IOException {
        Path content = Fixtures.copy(Fixtures.fixture("content"), temp.resolve("content"));
        Files.createDirectories(content.resolve("history"));
        Files.writeString(content.resolve("history/acknowledged.yml"), "- commit: 0a1b2c3\n  benchmark: X\n");

        InputException e = assertThrows(
                InputException.class,
                () -> build(content, temp.resolve("site"), Optional.of(Fixtures.fixture("history"))));

        assertEquals(
                content.resolve("history/acknowledged.yml") + ":1:3: error: an acknowledged change without 'reason'",
                e.errors().getFirst().toString());
        assertTrue(Files.notExists(temp.resolve("site")), "no site written");
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
