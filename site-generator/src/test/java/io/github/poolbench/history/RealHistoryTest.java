package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance on real runs: unchanged code flags nothing, a real 10 % regression is
 * flagged at the commit that brought it, hardware is never compared across, and an acknowledged
 * change is shown but not counted.
 */
class RealHistoryTest {

    private static Trend.Machine trend(List<RunSummary> runs, List<Acknowledgement> acknowledged) {
        return Trend.of(List.of(RealHistory.of(runs)), acknowledged).machines().getFirst();
    }

    private static Trend.Machine trend(List<RunSummary> runs) {
        return trend(runs, List.of());
    }

    @Test
    void twentyRunsOfUnchangedCodeFlagNothing() {
        List<RunSummary> runs = RealHistory.runs("unchanged");
        assertEquals(20, runs.size());

        Trend.Machine machine = trend(runs);

        assertEquals(8, machine.series().size(), "the smoke profile's 8 points");
        assertEquals(List.of(), machine.changes());
        assertEquals(1, machine.segments().size());
    }

    /**
     * Every nap 10 % longer from run 21 on. Four series show the step at that commit. The other four
     * do not stand out: in THREAD at 1 and at 4 workers one stalled shot of the busy machine (479 and
     * 105 ms against about 286 and 73) widens the new segment's interval past the step, and at 12
     * workers a batch is one 20 ms nap, whose 2 ms more is within those series' run-to-run noise.
     * None of the eight shows any other change.
     */
    @Test
    void aRealRegressionIsFlaggedAtTheCommitThatBroughtIt() {
        List<RunSummary> runs = RealHistory.concat("unchanged", "stretched");
        String injected = RealHistory.runs("stretched").getFirst().commit();

        Trend.Machine machine = trend(runs);

        assertEquals(8, machine.series().size());
        List<String> flagged = new ArrayList<>();
        for (Change change : machine.changes()) {
            assertEquals(
                    injected,
                    machine.runs().get(change.run()).commit(),
                    change.key().label());
            assertTrue(change.regression(), change.toString());
            assertTrue(change.ratio().lower() > 1, "the score (a time) went up: " + change.ratio());
            flagged.add(change.key().shortName() + " " + change.key().params().getOrDefault("pool", "")
                    + change.key().params().getOrDefault("poolSize", ""));
        }
        assertEquals(
                List.of(
                        "SleepBenchmark.map PROCESS4",
                        "SleepBenchmark.map VIRTUAL1",
                        "SleepBenchmark.map VIRTUAL4",
                        "SleepBenchmark.sequential "),
                flagged);
    }

    @Test
    void aStepWithFewRunsAfterItIsPendingNeverCounted() {
        List<RunSummary> runs = new ArrayList<>(RealHistory.runs("unchanged"));
        List<RunSummary> stretched = RealHistory.runs("stretched");
        runs.addAll(stretched.subList(0, ChangePoints.MIN_SEGMENT - 1));

        List<Change> changes = trend(runs).changes();

        assertFalse(changes.isEmpty(), "the 10 % step already stands out in some series");
        for (Change change : changes) {
            assertTrue(change.pending() && !change.regression(), change.toString());
            assertEquals(stretched.getFirst().commit(), runs.get(change.run()).commit());
        }
    }

    @Test
    void runsOnAnotherCpuAreASegmentOfTheirOwnAndNeverComparedAcross() {
        Trend.Machine machine = trend(RealHistory.concat("unchanged", "other-hardware"));

        assertEquals(2, machine.hardware().size());
        assertEquals(List.of(new Trend.Segment(0, 0, 19), new Trend.Segment(1, 20, 29)), machine.segments());
        assertEquals(List.of(), machine.changes(), "the slower naps ran on the other CPU: no regression");
    }

    @Test
    void twoCpusAlternatingUnderOneMachineIdFlagNothing() {
        List<RunSummary> first = RealHistory.runs("unchanged");
        List<RunSummary> second = RealHistory.runs("other-hardware");
        List<RunSummary> alternating = new ArrayList<>();
        for (int block = 0; block < 2; block++) { // five runs on one CPU, five on the other, twice over
            alternating.addAll(first.subList(block * 5, block * 5 + 5));
            alternating.addAll(second.subList(block * 5, block * 5 + 5));
        }
        alternating.addAll(first.subList(10, 20));

        Trend.Machine machine = trend(alternating);

        assertEquals(5, machine.segments().size());
        assertEquals(List.of(), machine.changes());
    }

    @Test
    void anAcknowledgedRegressionIsShownWithItsReasonAndNotCounted() {
        List<RunSummary> runs = RealHistory.concat("unchanged", "stretched");
        String injected = RealHistory.runs("stretched").getFirst().commit();
        Acknowledgement sequential = new Acknowledgement(
                injected.substring(0, 7),
                "SleepBenchmark.sequential",
                "naps are 10 % longer on purpose",
                Location.of(Path.of("acknowledged.yml"), 1));

        Trend.Machine machine = trend(runs, List.of(sequential));

        List<Change> expected = machine.changes().stream()
                .filter(c -> c.acknowledged().isPresent())
                .toList();
        assertEquals(1, expected.size());
        assertEquals("SleepBenchmark.sequential", expected.getFirst().key().shortName());
        assertFalse(expected.getFirst().regression());
        assertEquals(3, machine.changes().stream().filter(Change::regression).count());
        assertEquals(
                "SleepBenchmark.sequential",
                machine.series().get(3).key().shortName(),
                "after the 3 regressions, before the unchanged series");
    }
}
