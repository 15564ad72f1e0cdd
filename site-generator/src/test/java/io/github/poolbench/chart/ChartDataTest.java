package io.github.poolbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChartDataTest {

    private static final Location BLOCK = Location.of(Path.of("lesson.md"), 7);

    private static ResultRun labA() {
        return ResultsLoader.load(Fixtures.fixture("modes-results"))
                .latest("lab-a")
                .orElseThrow();
    }

    private static ChartData chart(String yaml) {
        return ChartQuery.select(ChartSpec.parse(yaml, BLOCK), labA());
    }

    @Test
    void aSequentialParamValueIsTheBaselineNotASeries() {
        ChartData data = chart("benchmark: SleepBenchmark.map\nx: poolSize\nseries: pool\n");

        assertEquals(
                List.of("THREAD", "VIRTUAL"),
                data.series().stream().map(ChartData.Series::name).toList());
        assertEquals(1200.0, data.baseline().orElseThrow().y());
        assertEquals("1", data.baselineResult().orElseThrow().params().get("poolSize"), "the smallest x is chosen");
    }

    @Test
    void theOneOtherParamThatVariesBecomesTheSeries() {
        ChartData data = chart("benchmark: SleepBenchmark.map\nx: poolSize\n");

        assertEquals(
                List.of("THREAD", "VIRTUAL"),
                data.series().stream().map(ChartData.Series::name).toList());
    }

    @Test
    void waitingIdealIsCeilOfTasksOverPoolSizeTimesTaskTime() {
        ChartData data = chart("benchmark: SleepBenchmark.map\nx: poolSize\nseries: pool\n");

        assertEquals(
                List.of(1200.0, 600.0, 300.0, 200.0),
                data.ideal().orElseThrow().points().stream()
                        .map(ChartData.Point::y)
                        .toList());
        assertEquals(List.of("ideal: ceil(tasks / poolSize) × sleepMillis ms"), data.notes());
    }

    @Test
    void cpuIdealStopsGrowingAtTheCoreCount() {
        ChartData data = chart("benchmark: PrimesBenchmark.map\nx: poolSize\ny: speedup\nideal: cpu\n");

        assertEquals(OptionalInt.of(4), data.cores());
        assertEquals(
                List.of(1.0, 2.0, 4.0, 4.0),
                data.ideal().orElseThrow().points().stream()
                        .map(ChartData.Point::y)
                        .toList());
    }

    @Test
    void speedupOfThroughputIsScoreOverBaseline() {
        ChartData data = chart("benchmark: SquareBenchmark.map\nx: poolSize\nseries: pool\ny: speedup\n");

        ChartData.Point thread4 = data.series().getFirst().points().getLast();
        assertEquals(4.0, thread4.y(), 1e-9, "20000 ops/s over 5000 ops/s");
        assertTrue(thread4.lower() < 4.0 && thread4.upper() > 4.0, "the interval brackets the speed-up");
    }

    @Test
    void speedupOfTimeIsBaselineOverScore() {
        ChartData data = chart("benchmark: PrimesBenchmark.map\nx: poolSize\ny: speedup\n");

        assertEquals(405.0 / 105.0, data.series().getFirst().points().get(2).y(), 1e-9);
    }

    @Test
    void efficiencyDividesTheSpeedupByTheWorkers() {
        ChartData data = chart("benchmark: PrimesBenchmark.map\nx: poolSize\ny: efficiency\n");

        assertEquals(405.0 / 105.0 / 4, data.series().getFirst().points().get(2).y(), 1e-9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,4,8", "1,10,100", "2,4,8,16"})
    void geometricSweepsGetALogAxis(String xs) {
        assertTrue(ChartData.geometric(
                List.of(xs.split(",")).stream().map(Double::parseDouble).toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,2,3,4", "1,2", "0,1,2", "1,2,4,7"})
    void otherSweepsKeepALinearAxis(String xs) {
        assertFalse(ChartData.geometric(
                List.of(xs.split(",")).stream().map(Double::parseDouble).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown benchmark | 'benchmark: NoSuch.map\\nx: poolSize'                           | no benchmark 'NoSuch.map' in | FetchBenchmark.map, PrimesBenchmark.map, PrimesBenchmark.sequential, SleepBenchmark.map, SquareBenchmark.map, SquareBenchmark.sequential",
                "value with no data| 'benchmark: SleepBenchmark.map\\nx: poolSize\\nwhere: {tasks: 13}' | no data for tasks=13 in 'SleepBenchmark.map' | (values: 12)",
                "unknown param     | 'benchmark: SleepBenchmark.map\\nx: threads'                     | has no param 'threads' | (its params: pool, poolSize, sleepMillis, tasks)",
                "two params free   | 'benchmark: SleepBenchmark.map\\nx: poolSize\\nseries: tasks'      | param 'pool' has several values (THREAD, VIRTUAL) | where: {pool: \"THREAD\"}",
                "ambiguous name    | 'benchmark: map\\nx: poolSize'                                   | 'map' names several benchmarks | name the class too",
                "wrong mode        | 'benchmark: SleepBenchmark.map\\nx: poolSize\\nmode: avgt'        | has no results in mode 'avgt' | (modes: ss)",
                "speedup, no base  | 'benchmark: FetchBenchmark.map\\nx: poolSize\\ny: speedup'        | y: speedup needs a sequential baseline | no 'sequential' method",
                "cpu ideal, no base| 'benchmark: FetchBenchmark.map\\nx: poolSize\\nideal: cpu'        | ideal: cpu needs a sequential baseline | FetchBenchmark",
                "waiting, no tasks | 'benchmark: SquareBenchmark.map\\nx: poolSize\\nseries: pool\\nideal: waiting' | ideal: waiting needs a 'tasks' param | (params: pool, poolSize)",
            })
    void badReferencesNameTheBlockAndListWhatExists(String name, String yaml, String problem, String listing) {
        InputException error = assertThrows(InputException.class, () -> chart(yaml.replace("\\n", "\n")));

        String text = error.errors().getFirst().toString();
        assertTrue(text.startsWith("lesson.md:7: error: "), text);
        assertTrue(text.contains(problem), text);
        assertTrue(text.contains(listing), text);
    }
}
