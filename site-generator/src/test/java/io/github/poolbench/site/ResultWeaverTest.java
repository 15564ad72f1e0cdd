package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.chart.ChartCache;
import io.github.poolbench.chart.ChartPainter;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.lesson.ResultNode;
import io.github.poolbench.render.Templates;
import io.github.poolbench.results.ResultsLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Result blocks resolved against the modes fixture. Tables are golden files: run with
 * {@code -Dgolden.update=true} to rewrite them after an intended change, then review the diff.
 */
class ResultWeaverTest {

    private static final Path LESSON = Path.of("lesson.md");

    @TempDir
    Path site;

    private final Diagnostics diagnostics = new Diagnostics(false);
    private final ChartPainter painter = new ChartPainter(new ChartCache(Optional.empty()));
    private final ResultWeaver weaver = new ResultWeaver(
            ResultsLoader.load(Fixtures.fixture("modes-results")),
            Optional.of("lab-a"),
            new Templates(Fixtures.templates()),
            new ChartViews(painter),
            diagnostics);

    @AfterEach
    void stopPainter() {
        painter.await();
        painter.close();
    }

    /** A node of {@code kind} at line 5 of a lesson, bound and written; an error in it throws. */
    private String resolve(String kind, String body) {
        ResultNode node = ResultNode.of(
                1, ResultNode.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), body, Location.of(LESSON, 5));
        ResultWeaver.Binding binding = weaver.bind(node, "");
        ResultWeaver.Page page = new ResultWeaver.Page(Map.of(node, binding.bound()), binding.runs());
        return weaver.html(page, node, "lesson.html", site, "");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "results-thrpt  | results | 'benchmark: SquareBenchmark.map\\nx: poolSize\\nseries: pool'",
                "results-avgt   | results | 'benchmark: PrimesBenchmark.map\\nx: poolSize'",
                "results-sample | results | 'benchmark: FetchBenchmark.map\\nx: poolSize'",
                "results-ss     | results | 'benchmark: SleepBenchmark.map\\nx: poolSize\\nseries: pool\\ntitle: Twelve naps'",
                "chart-ss       | chart   | 'benchmark: SleepBenchmark.map\\nx: poolSize\\nseries: pool\\nwhere: {tasks: \"12\"}'",
                "chart-thrpt    | chart   | 'benchmark: SquareBenchmark.map\\nx: poolSize\\nseries: pool\\ny: speedup\\nideal: cpu'",
            })
    void blocksMatchTheirGoldenHtml(String golden, String kind, String body) throws IOException {
        String html = resolve(kind, body.replace("\\n", "\n"));

        Path expected = Path.of("src/test/resources/golden").resolve(golden + ".html");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expected, html, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), html);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SleepBenchmark.map pool=THREAD poolSize=4                      | 303.0 ± 2.5 ms",
                "measured SleepBenchmark.map pool=THREAD poolSize=4             | 303.0 ± 2.5 ms",
                "SleepBenchmark.map pool=THREAD poolSize=4 show=speedup         | 3.96× (3.93–3.99)",
                "SleepBenchmark.map pool=THREAD poolSize=4 show=ratio-to-ideal  | 1.01× (1.00–1.02) the ideal",
                "SleepBenchmark.map pool=THREAD poolSize=4 show=ideal           | 300 ms",
                "SleepBenchmark.map pool=THREAD poolSize=4 machine=lab-b        | 303.8 ± 2.5 ms",
                "PrimesBenchmark.map poolSize=8                                 | 105 ms (no error estimate)",
                "PrimesBenchmark.map poolSize=2 metric=gc.alloc.rate.norm       | 2,048.00 ± 0.50 B/op",
                "PrimesBenchmark.map poolSize=2 show=ratio-to-ideal ideal=cpu   | 1.01× (0.99–1.04) the ideal",
                "SquareBenchmark.map pool=VIRTUAL poolSize=2                    | 9,000 ± 180 ops/s",
                "SquareBenchmark.map pool=THREAD poolSize=1 show=speedup        | 1.00× (0.98–1.02: no faster than sequential)",
                "FetchBenchmark.map poolSize=2 mode=sample                      | 202.00 ± 0.80 ms",
                "FetchBenchmark.map poolSize=4 show=ratio-to-ideal              | 1.02× (1.01–1.03) the ideal",
            })
    void measuredValuesPrintUnitAndError(String arguments, String text) {
        String html = resolve("value", arguments);

        assertTrue(html.startsWith("<span class=\"measured\" title=\""), html);
        assertEquals(text, html.substring(html.indexOf("\">") + 2, html.indexOf("</span>")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SleepBenchmark.map poolSize=4                          | measured: 'SleepBenchmark.map' matches 2 results; fix pool (values: THREAD, VIRTUAL)",
                "SleepBenchmark.map pool=THREAD poolSize=5              | no data for poolSize=5 in 'SleepBenchmark.map' (values: 1, 2, 4, 8)",
                "NoSuch.map                                             | no benchmark 'NoSuch.map' in",
                "PrimesBenchmark.map poolSize=2 metric=gc.nope          | has no metric 'gc.nope' (it has: gc.alloc.rate, gc.alloc.rate.norm)",
                "FetchBenchmark.map poolSize=2 show=speedup             | show=speedup needs a sequential baseline",
                "SleepBenchmark.map pool=THREAD poolSize=4 show=fast    | unknown show 'fast' (choose score, speedup, ratio-to-ideal, ideal or param)",
                "SleepBenchmark.map pool=THREAD poolSize=4 machine=nope | no results for machine 'nope' (machines: lab-a, lab-b)",
                "poolSize=4                                             | measured needs a benchmark first",
                "SleepBenchmark.map pool                                | 'pool' is not key=value",
            })
    void badValuesNameTheLineAndWhatExists(String arguments, String message) {
        InputException error = assertThrows(InputException.class, () -> resolve("value", arguments));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith("lesson.md:5: error: "), text);
        assertTrue(text.contains(message), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SleepBenchmark.map pool=THREAD poolSize=4 vs pool=SEQUENTIAL expect=faster      | faster | faster | 3.96× faster (3.93–3.99×)",
                "compare PrimesBenchmark.map poolSize=2 vs PrimesBenchmark.sequential expect=faster | faster | faster | 1.98× faster (1.93–2.02×)",
                "SleepBenchmark.map pool=THREAD poolSize=1 vs pool=SEQUENTIAL expect=slower      | slower | slower | 1.00× slower (1.001–1.004×)",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs machine=lab-b expect=same          | same   | same   | no faster: 1.00× (0.99–1.01×)",
                "SquareBenchmark.map pool=THREAD poolSize=4 vs SquareBenchmark.sequential expect=faster | faster | faster | 4.00× faster (3.91–4.09×)",
                "PrimesBenchmark.map poolSize=8 vs PrimesBenchmark.sequential expect=faster      | faster | unknown | not known: 3.86× faster (no error estimate)",
            })
    void comparisonsRenderTheirVerdictWithTheRatio(String arguments, String expected, String verdict, String text) {
        String html = resolve("compare", arguments);

        assertTrue(
                html.startsWith("<span class=\"verdict\" data-expected=\"" + expected + "\" data-verdict=\"" + verdict
                        + "\" title=\""),
                html);
        assertEquals(text, html.substring(html.indexOf("\">") + 2, html.indexOf("</span>")));
    }

    @org.junit.jupiter.api.Test
    void theTooltipNamesBothRuns() {
        String html = resolve("compare", "SleepBenchmark.map pool=THREAD poolSize=4 vs machine=lab-b expect=same");

        assertTrue(
                html.contains(
                        "title=\"SleepBenchmark.map pool=THREAD poolSize=4 sleepMillis=100 tasks=12 (ss), machine "
                                + "lab-a/2026-01-01T000000Z-quick vs SleepBenchmark.map pool=THREAD poolSize=4 sleepMillis=100 tasks=12 (ss), "
                                + "machine lab-b/2026-01-02T000000Z-quick; "),
                html);
    }

    @org.junit.jupiter.api.Test
    void aVerdictOtherThanExpectedIsAWarningNamingBothSides() {
        resolve("compare", "SleepBenchmark.map pool=VIRTUAL poolSize=4 vs pool=SEQUENTIAL expect=slower");

        assertEquals(
                List.of(
                        "lesson.md:5: warning: compare: expected slower but the data says faster (3.98× faster (3.95–4.01×)): "
                                + "SleepBenchmark.map pool=VIRTUAL poolSize=4 sleepMillis=100 tasks=12 (ss), machine lab-a/2026-01-01T000000Z-quick"
                                + " vs SleepBenchmark.map pool=SEQUENTIAL poolSize=4 sleepMillis=100 tasks=12 (ss), machine lab-a/2026-01-01T000000Z-quick"),
                diagnostics.all().stream().map(Object::toString).toList());
    }

    @org.junit.jupiter.api.Test
    void anExpectedVerdictIsNoWarning() {
        resolve("compare", "SleepBenchmark.map pool=VIRTUAL poolSize=4 vs pool=SEQUENTIAL expect=faster");

        assertEquals(List.of(), diagnostics.all());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SleepBenchmark.map poolSize=4 vs pool=THREAD expect=faster                 | compare: 'SleepBenchmark.map' matches 2 results; fix pool (values: THREAD, VIRTUAL)",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs SleepBenchmark.map expect=faster | compare: both sides pick the same result, SleepBenchmark.map pool=THREAD poolSize=4 sleepMillis=100 tasks=12 (ss), machine lab-a/2026-01-01T000000Z-quick; give the second side a param value of its own",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs poolSize=5 expect=faster      | no data for poolSize=5 in 'SleepBenchmark.map' (values: 1, 2, 4, 8)",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs NoSuch.map expect=faster      | no benchmark 'NoSuch.map' in",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs machine=nope expect=same      | no results for machine 'nope' (machines: lab-a, lab-b)",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs pool=VIRTUAL cores=2 expect=same | benchmark 'SleepBenchmark.map' has no param 'cores' (its params: pool, poolSize, sleepMillis, tasks)",
                "SleepBenchmark.map pool=THREAD poolSize=4 expect=faster                    | compare needs two sides split by one 'vs'",
                "SleepBenchmark.map pool=THREAD vs pool=VIRTUAL vs pool=SEQUENTIAL expect=same | compare needs two sides split by one 'vs'",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs pool=VIRTUAL                  | compare: say what the data should show with expect=faster, expect=slower or expect=same",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs pool=VIRTUAL expect=quicker   | compare: unknown expect 'quicker' (choose faster, slower or same)",
                "pool=THREAD vs pool=VIRTUAL expect=same                                    | compare needs a benchmark first",
                "SleepBenchmark.map pool vs pool=VIRTUAL expect=same                        | compare: 'pool' is not key=value",
                "SleepBenchmark.map pool=THREAD poolSize=4 vs SquareBenchmark.map pool=THREAD poolSize=4 expect=faster | compare: the sides are measured differently (ss, ms/op against thrpt, ops/s)",
            })
    void badComparisonsNameTheLineAndWhatExists(String arguments, String message) {
        InputException error = assertThrows(InputException.class, () -> resolve("compare", arguments));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith("lesson.md:5: error: "), text);
        assertTrue(text.contains(message), text);
    }
}
