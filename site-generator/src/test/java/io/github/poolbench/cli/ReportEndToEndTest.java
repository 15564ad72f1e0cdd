package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultsLoader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end: a real smoke run of JMH, then the site built around its numbers. */
class ReportEndToEndTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // a hang guard, not a speed target
    void smokeReportBuildsPagesQuotingTheNumbersItMeasured(@TempDir Path temp) throws IOException {
        Path results = temp.resolve("results");
        Path site = temp.resolve("site");

        CliRunner result = CliRunner.run(
                "report",
                "--profile",
                "smoke",
                "--results",
                results.toString(),
                "--content",
                Fixtures.fixture("content").toString(),
                "--templates",
                Fixtures.templates().toString(),
                "--out",
                site.toString());

        assertEquals(0, result.exitCode(), result.err() + result.out());
        List<Path> written;
        try (Stream<Path> walk = Files.walk(results)) {
            written = walk.filter(p -> p.getFileName().toString().equals("jmh.json"))
                    .toList();
        }
        assertEquals(1, written.size(), "one JMH file from this run");
        // Not a terminal here: plain lines, JMH's own output in the run folder's log.
        List<String> lines = (result.out() + result.err()).lines().toList();
        assertTrue(lines.size() <= 60, lines.size() + " lines:\n" + String.join("\n", lines));
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("# ")), "JMH's raw output on the terminal");
        assertTrue(
                lines.stream().anyMatch(line -> line.startsWith("[1/8] SleepBenchmark.map ")),
                String.join("\n", lines));
        String jmhLog = Files.readString(written.getFirst().resolveSibling("jmh.log"));
        assertTrue(jmhLog.contains("# Run complete."), jmhLog);
        String index = Files.readString(site.resolve("index.html"));
        String target = Pattern.compile("href=\"([^\"]+\\.html)\"")
                .matcher(index)
                .results()
                .map(m -> m.group(1))
                .filter(href -> !href.equals("index.html"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the index links no lesson: " + index));
        Path lesson = site.resolve(target);
        String page = Files.readString(lesson);

        List<BenchmarkResult> measured = ResultsLoader.readJmh(written.getFirst()).stream()
                .filter(r -> r.shortName().equals("SleepBenchmark.map"))
                .toList();
        assertTrue(!measured.isEmpty());
        List<Double> quoted = Pattern.compile("<td class=\"num\">([0-9.,]+)</td>")
                .matcher(page)
                .results()
                .map(m -> Double.parseDouble(m.group(1).replace(",", "")))
                .toList();
        for (BenchmarkResult r : measured) {
            double score = r.primary().score();
            double error = r.primary().error();
            // The page rounds the score to the error's second significant digit (Quantities.score): a wide
            // error (smoke takes three samples, JMH's fewest with an error) leaves fewer digits; no
            // error leaves four significant digits.
            double tolerance = Double.isFinite(error) && error > 0
                    ? 0.5 * Math.pow(10, -Math.max(0, 1 - (int) Math.floor(Math.log10(error)))) + 1e-9
                    : score * 5e-4;
            assertTrue(
                    quoted.stream().anyMatch(q -> Math.abs(q - score) <= tolerance),
                    "page quotes " + score + " measured at poolSize "
                            + r.params().get("poolSize") + ", found " + quoted);
        }
        Matcher img = Pattern.compile("<img src=\"([^\"]+\\.png)\"").matcher(page);
        assertTrue(img.find(), "the lesson embeds a chart");
        BufferedImage png = ImageIO.read(
                lesson.getParent().resolve(img.group(1)).normalize().toFile());
        assertNotNull(png, "the chart is a readable PNG");
    }
}
