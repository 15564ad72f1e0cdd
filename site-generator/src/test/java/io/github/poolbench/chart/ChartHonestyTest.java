package io.github.poolbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a chart must not claim: no time below zero, no core mark on waiting work, no unit a reader has to decode. */
class ChartHonestyTest {

    private static final Location BLOCK = Location.of(Path.of("lesson.md"), 3);

    private static BenchmarkResult result(
            String benchmark, Map<String, String> params, double score, double error, String unit) {
        Metric metric = new Metric(score, error, score - error, score + error, unit, List.of());
        return new BenchmarkResult(
                benchmark,
                "ss",
                1,
                2,
                1,
                5,
                "1.37",
                "25",
                "vm",
                List.of(),
                new TreeMap<>(params),
                metric,
                Map.of(),
                Location.of(Path.of("jmh.json")));
    }

    /** One series over poolSize 1, 2, 3, … with the given scores and errors. */
    private static ChartData chart(String unit, double[] scores, double[] errors) {
        List<ChartData.Entry> entries = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            String size = String.valueOf(i + 1);
            entries.add(new ChartData.Entry(
                    "THREAD", size, result("a.B.map", Map.of("poolSize", size), scores[i], errors[i], unit)));
        }
        return ChartData.build(
                "t",
                "poolSize",
                ChartSpec.YAxis.TIME,
                ChartSpec.Ideal.NONE,
                entries,
                Optional.empty(),
                OptionalInt.of(2),
                BLOCK);
    }

    @Test
    void aTimeNeverGoesBelowZeroOnALinearAxis() {
        // the committed quick run's fetch at PROCESS 4: 388 ± 1154 ms
        ChartData data = chart("ms/op", new double[] {700, 460, 388}, new double[] {30, 20, 1154});

        ChartData.Point wide = data.series().getFirst().points().getLast();
        assertFalse(data.logY());
        assertEquals(0, wide.lower());
        assertEquals(388 + 1154, wide.upper());
        assertEquals(List.of("linear y axis: error bars cut at zero"), data.notes());
    }

    @Test
    void aWideSpanGetsALogAxisCutAtItsBottom() {
        ChartData data = chart("ms/op", new double[] {1200, 600, 100}, new double[] {10, 700, 5});

        assertTrue(data.logY());
        assertEquals(50, data.series().getFirst().points().get(1).lower(), "half the smallest value");
        assertEquals(
                List.of("log y axis: the values span more than 10×; error bars cut at the bottom of the axis"),
                data.notes());
    }

    @Test
    void aSpanOfTenOrLessStaysLinear() {
        assertFalse(
                chart("ms/op", new double[] {1000, 100}, new double[] {1, 1}).logY());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "us/op, 500,   µs/op, 500",
        "us/op, 9999,  µs/op, 9999",
        "us/op, 10000, ms/op, 10",
        "us/op, 18456, ms/op, 18.456",
        "ms/op, 18456, ms/op, 18456",
        "ns/op, 25000, µs/op, 25",
    })
    void unitsReadAsAReaderExpects(String unit, double score, String shown, double y) {
        ChartData data = chart(unit, new double[] {score, score}, new double[] {1, 1});

        assertEquals(shown, data.unit());
        assertEquals("time (" + shown + ")", data.yLabel());
        assertEquals(y, data.series().getFirst().points().getFirst().y(), 1e-9);
    }

    @Test
    void theCoreCountIsMarkedOnlyWhereTheWorkComputes() {
        List<ChartData.Entry> entries = new ArrayList<>();
        for (String size : List.of("1", "2", "4")) {
            entries.add(new ChartData.Entry(
                    "THREAD",
                    size,
                    result(
                            "a.B.map",
                            Map.of("poolSize", size, "tasks", "4", "sleepMillis", "100"),
                            400.0 / Integer.parseInt(size),
                            1,
                            "ms/op")));
        }
        BenchmarkResult sequential =
                result("a.B.sequential", Map.of("tasks", "4", "sleepMillis", "100"), 400, 1, "ms/op");

        ChartData waiting = ChartData.build(
                "t",
                "poolSize",
                ChartSpec.YAxis.TIME,
                ChartSpec.Ideal.AUTO,
                entries,
                Optional.of(sequential),
                OptionalInt.of(2),
                BLOCK);
        ChartData computing = ChartData.build(
                "t",
                "poolSize",
                ChartSpec.YAxis.TIME,
                ChartSpec.Ideal.CPU,
                entries,
                Optional.of(sequential),
                OptionalInt.of(2),
                BLOCK);

        assertEquals(OptionalInt.empty(), waiting.cores());
        assertEquals(OptionalInt.of(2), computing.cores());
    }

    /** The lesson's sums: 40 + 80 + 120 + 160 + 300 = 700 ms on one worker, 460 on two, 380, 340, 300. */
    @ParameterizedTest(name = "{0} workers: {1} ms")
    @CsvSource({"1, 700", "2, 460", "3, 380", "4, 340", "5, 300", "8, 300"})
    void tasksOfUnequalLengthGoToTheFirstFreeWorker(int workers, double millis) {
        assertEquals(millis, IdealLine.makespan(new double[] {40, 80, 120, 160, 300}, workers));
    }

    @ParameterizedTest(name = "poolSize {0}: {1} ms")
    @CsvSource({"1, 700", "2, 460", "3, 380", "4, 340", "5, 300"})
    void theFetchSweepTakesItsIdealFromTheBenchmarkClass(String size, double millis) {
        BenchmarkResult fetch = result(
                "io.github.poolbench.bench.FetchBenchmark.map",
                Map.of("pool", "THREAD", "poolSize", size),
                500,
                10,
                "ms/op");

        assertEquals(ChartSpec.Ideal.WAITING, IdealLine.resolve(ChartSpec.Ideal.AUTO, fetch));
        assertEquals(
                OptionalDouble.of(millis),
                IdealLine.score(
                        ChartSpec.Ideal.WAITING,
                        Double.parseDouble(size),
                        fetch,
                        Optional.empty(),
                        OptionalInt.of(2),
                        BLOCK));
    }

    @Test
    void aClassNotOnTheClassPathDeclaresNothing() {
        BenchmarkResult foreign = result("org.example.Other.run", Map.of("poolSize", "2"), 5, 1, "ms/op");

        assertEquals(ChartSpec.Ideal.NONE, IdealLine.resolve(ChartSpec.Ideal.AUTO, foreign));
    }
}
