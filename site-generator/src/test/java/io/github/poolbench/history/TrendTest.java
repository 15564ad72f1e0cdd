package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TrendTest {

    private static final Hardware A =
            new Hardware("family 23 model 1 stepping 2", "AMD EPYC", "2", "32 GiB", "Linux", "25");
    private static final Hardware B =
            new Hardware("family 6 model 85 stepping 7", "Intel Xeon", "2", "8 GiB", "Linux", "25");

    private static Score score(String benchmark, double value) {
        return new Score(
                benchmark,
                "avgt",
                new TreeMap<>(Map.of("poolSize", "1")),
                value,
                value / 100,
                value * 0.99,
                value * 1.01,
                "ms/op");
    }

    private static RunSummary run(int i, Hardware hardware, Score... scores) {
        return new RunSummary("m", "c" + i, "t" + i, "r" + i, hardware, List.of(scores));
    }

    private static List<Integer> hardwareOf(Hardware... each) {
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < each.length; i++) {
            runs.add(run(i, each[i]));
        }
        return Trend.hardwareOf(runs, new ArrayList<>());
    }

    @Test
    void anUnknownRunBetweenTwoOfOneHardwareRanThereToo() {
        assertEquals(List.of(0, 0, 0), hardwareOf(A, Hardware.UNKNOWN, A));
    }

    @Test
    void anUnknownRunElsewhereIsAHardwareOfItsOwn() {
        assertEquals(List.of(0, 1, 2), hardwareOf(A, Hardware.UNKNOWN, B));
        assertEquals(List.of(0, 1, 2, 3), hardwareOf(Hardware.UNKNOWN, Hardware.UNKNOWN, A, Hardware.UNKNOWN));
    }

    @Test
    void aHardwareSeenAgainKeepsItsNumber() {
        List<Integer> numbers = hardwareOf(A, A, B, A, B);

        assertEquals(List.of(0, 0, 1, 0, 1), numbers);
        assertEquals(
                List.of(
                        new Trend.Segment(0, 0, 1),
                        new Trend.Segment(1, 2, 2),
                        new Trend.Segment(0, 3, 3),
                        new Trend.Segment(1, 4, 4)),
                Trend.segments(numbers));
    }

    @Test
    void historyRecordedBeforeSignaturesIsOneSegmentARun() {
        Trend trend = Trend.of(
                HistoryStore.load(Fixtures.fixture("history"), Trend.WINDOW, new Diagnostics(true)), List.of());

        Trend.Machine machine = trend.machines().getFirst();
        assertEquals(3, machine.runs().size());
        assertEquals(3, machine.segments().size(), "three runs of unknown hardware");
        assertEquals(List.of(), machine.changes(), "nothing compared across unknown hardware");
    }

    @Test
    void seriesInOneRunOnlyHasNoTrendAndMissingRunsAreSkipped() {
        List<RunSummary> runs =
                List.of(run(1, A, score("B.x", 10), score("B.once", 5)), run(2, A), run(3, A, score("B.x", 20)));

        Trend.Machine machine = Trend.of(List.of(new MachineHistory("m", 3, runs)), List.of())
                .machines()
                .getFirst();

        assertEquals(1, machine.series().size());
        assertEquals(
                List.of(0, 2),
                machine.series().getFirst().points().stream()
                        .map(Trend.Point::run)
                        .toList());
    }

    @Test
    void chartCapNeverHidesAFlaggedSeries() {
        double[] noise = {0.4, -0.9, 1.1, -0.2, 0.7, -1.0, 0.1, 0.9, -0.6, 0.3, -0.4, 1.0};
        List<RunSummary> runs = new ArrayList<>();
        for (int i = 0; i < noise.length; i++) {
            List<Score> scores = new ArrayList<>();
            for (int s = 0; s < Trend.MAX_CHARTS + 5; s++) {
                scores.add(score("B.a" + s, 100 * (1 + noise[(i + s) % noise.length] / 100)));
            }
            scores.add(score("B.zz", (i < 6 ? 100 : 150) * (1 + noise[i] / 100)));
            runs.add(run(i, A, scores.toArray(Score[]::new)));
        }

        Trend.Machine machine = Trend.of(List.of(new MachineHistory("m", runs.size(), runs)), List.of())
                .machines()
                .getFirst();

        assertEquals(Trend.MAX_CHARTS + 6, machine.series().size());
        assertEquals(Trend.MAX_CHARTS, machine.charted().size());
        assertEquals("B.zz", machine.charted().getFirst().key().benchmark());
        assertTrue(machine.charted().getFirst().changes().getFirst().regression());
    }
}
