package io.github.poolbench.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The methodology page's false-flag rate is measured, not guessed: on the 20 real runs of unchanged
 * code, as the page stood after each run, and over many shuffles of their order (the same runs, so
 * any step found is noise). The page must state exactly what this measures.
 */
class FalseFlagRateTest {

    /** Shuffles of the runs' order; seeded, so the figure is the same on every build. */
    static final int SHUFFLES = 1000;

    /** The sentence the methodology page states. */
    static String measured() {
        List<RunSummary> runs = RealHistory.runs("unchanged");
        int pages = 0;
        int flaggedPages = 0;
        for (int n = 2; n <= runs.size(); n++) {
            for (Trend.Series series : trend(runs.subList(0, n)).series()) {
                pages++;
                flaggedPages += series.changes().isEmpty() ? 0 : 1;
            }
        }
        Random random = new Random(25);
        int windows = 0;
        int flagged = 0;
        int pending = 0;
        for (int i = 0; i < SHUFFLES; i++) {
            List<RunSummary> shuffled = new ArrayList<>(runs);
            Collections.shuffle(shuffled, random);
            for (Trend.Series series : trend(shuffled).series()) {
                windows++;
                flagged += series.changes().stream().anyMatch(Change::flagged) ? 1 : 0;
                pending += series.changes().stream().anyMatch(Change::pending) ? 1 : 0;
            }
        }
        return String.format(
                Locale.ROOT,
                "On %d smoke runs of unchanged code recorded in a row on this project's shared, busy 2-core VM, the"
                        + " page as it stood after each of them showed a change in %d of %d series; over %,d shuffles"
                        + " of the order of those runs, %,d of the %,d series showed a confirmed change (%.2f %%) and %,d"
                        + " a pending one (%.2f %%).",
                runs.size(),
                flaggedPages,
                pages,
                SHUFFLES,
                flagged,
                windows,
                100.0 * flagged / windows,
                pending,
                100.0 * pending / windows);
    }

    private static Trend.Machine trend(List<RunSummary> runs) {
        return Trend.of(List.of(RealHistory.of(runs)), List.of()).machines().getFirst();
    }

    @Test
    void theMethodologyPageStatesTheRateMeasuredOnTheUnchangedRuns() throws IOException {
        String sentence = measured();
        String page = Files.readString(Fixtures.templates().resolve("methodology.ftlh"))
                .replaceAll("\\s+", " ");

        assertTrue(page.contains(sentence), sentence);
        assertTrue(page.contains("at least " + ChangePoints.MIN_SEGMENT + " runs"), "the minimum segment it states");
    }
}
