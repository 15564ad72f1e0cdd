package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.results.Ratio.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static Score score(String benchmark, String size, double value, double error) {
        return new Score(
                benchmark,
                "avgt",
                new TreeMap<>(Map.of("poolSize", size)),
                value,
                error,
                value - error,
                value + error,
                "ms/op");
    }

    @Test
    void fixtureHistoryFlagsTheRegressionAndTheImprovementOfTheNewestRun() {
        Trend trend = Trend.of(HistoryStore.load(Fixtures.fixture("history"), Trend.WINDOW, new Diagnostics(true)));

        Trend.Machine machine = trend.machines().getFirst();
        assertEquals(3, machine.runs().size());
        assertEquals(
                List.of(Verdict.SLOWER, Verdict.FASTER, Verdict.UNKNOWN),
                machine.series().stream().map(s -> s.latest().verdict()).toList(),
                "regressions first");
        assertEquals(
                "SleepBenchmark.map (poolSize=4, tasks=12)",
                machine.series().getFirst().key().label());
        Trend.Series regressed = machine.series().getFirst();
        assertEquals(
                Verdict.SAME,
                regressed.points().get(1).change().orElseThrow().verdict(),
                "the second run moved within the noise");
    }

    @Test
    void seriesInOneRunOnlyHasNoTrendAndMissingRunsAreSkipped() {
        List<RunSummary> runs = List.of(
                new RunSummary("m", "a1", "t1", "r", List.of(score("B.x", "1", 10, 1), score("B.once", "1", 5, 1))),
                new RunSummary("m", "a2", "t2", "r", List.of()),
                new RunSummary("m", "a3", "t3", "r", List.of(score("B.x", "1", 20, 1))));

        Trend.Machine machine =
                Trend.of(List.of(new MachineHistory("m", 3, runs))).machines().getFirst();

        assertEquals(1, machine.series().size());
        Trend.Series series = machine.series().getFirst();
        assertEquals(
                List.of(0, 2), series.points().stream().map(Trend.Point::run).toList());
        assertEquals(Verdict.SLOWER, series.latest().verdict(), "compared with the last run that had it");
    }

    @Test
    void chartCapNeverHidesAFlaggedSeries() {
        List<Score> before = new ArrayList<>();
        List<Score> after = new ArrayList<>();
        for (int i = 0; i < Trend.MAX_CHARTS + 5; i++) {
            before.add(score("B.a" + i, "1", 100, 1));
            after.add(score("B.a" + i, "1", 100.5, 1));
        }
        before.add(score("B.zz", "1", 100, 1));
        after.add(score("B.zz", "1", 150, 1));
        List<RunSummary> runs =
                List.of(new RunSummary("m", "a1", "t1", "r", before), new RunSummary("m", "a2", "t2", "r", after));

        Trend.Machine machine =
                Trend.of(List.of(new MachineHistory("m", 2, runs))).machines().getFirst();

        assertEquals(Trend.MAX_CHARTS + 6, machine.series().size());
        assertEquals(Trend.MAX_CHARTS, machine.charted().size());
        assertEquals("B.zz", machine.charted().getFirst().key().benchmark());
    }
}
