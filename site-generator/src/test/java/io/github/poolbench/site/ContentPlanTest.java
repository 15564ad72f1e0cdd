package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.format.Profile;
import io.github.poolbench.lesson.Lesson;
import io.github.poolbench.lesson.LessonLoader;
import io.github.poolbench.lesson.ResultNode;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reference in the real {@code content/} (charts, tables, measured values, both sides of each
 * comparison) checked against what each profile plans to measure, with no run needed: the check is
 * the one the build applies to a real run ({@link ResultWeaver#check}), applied to the plan's
 * params. On each profile a reference either resolves or is "not measured by this profile"; the
 * second is allowed only when a larger profile resolves it, and the full profile, which the
 * reference run is, must resolve every one. So a reference that names too little to pick one
 * result, or a benchmark no profile runs, fails here before anyone spends minutes measuring.
 */
class ContentPlanTest {

    private static final Path CONTENT = Fixtures.repoRoot().resolve("content");

    /** Every result block of every page in content/, the index's findings included. */
    static List<ResultNode> blocks() {
        Diagnostics diagnostics = new Diagnostics(false);
        List<Lesson> pages = new LessonLoader()
                .loadAll(CONTENT, List.of(CONTENT.resolve("results").toAbsolutePath()), diagnostics);
        return pages.stream().flatMap(page -> page.blocks().stream()).toList();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyReferenceResolvesOnTheProfilesPlanOrALargerProfileMeasuresIt(Profile profile) {
        List<ResultNode> blocks = blocks();
        assertTrue(blocks.size() > 50, "content/ has its references: " + blocks.size());
        List<String> notMeasured = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ResultNode block : blocks) {
            Consumer<ResultRun> check = ResultWeaver.check(block);
            try {
                check.accept(QuoteRule.planned(profile));
            } catch (InputException e) {
                Optional<Profile> measuring = QuoteRule.measuring(check);
                if (measuring.isPresent() && measuring.get().compareTo(profile) > 0) {
                    notMeasured.add(block.location() + ": not measured by this profile ("
                            + QuoteRule.command(measuring.get()) + " measures it)");
                } else {
                    wrong.add(e.getMessage());
                }
            }
        }
        assertEquals(List.of(), wrong, "references no profile from " + profile.id() + " up resolves");
        if (profile == Profile.FULL) {
            assertEquals(List.of(), notMeasured);
        }
        System.out.printf(
                "%s: %d of %d references resolve on the plan; not measured by this profile:%n  %s%n",
                profile.id(), blocks.size() - notMeasured.size(), blocks.size(), String.join("\n  ", notMeasured));
    }

    /** The build judges a source error on the reference run: every reference resolves on it. */
    @org.junit.jupiter.api.Test
    void everyReferenceResolvesOnTheCommittedReferenceRun() {
        ResultRun reference = QuoteRule.reference(ResultsLoader.load(CONTENT.resolve("results")))
                .orElseThrow();
        assertEquals("2026-12-01T1719Z-full", reference.runId());
        List<String> wrong = new ArrayList<>();
        for (ResultNode block : blocks()) {
            try {
                ResultWeaver.check(block).accept(reference);
            } catch (InputException e) {
                wrong.add(e.getMessage());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The issue's own case: quick plans THREAD at 100 and 1,000 only, so the index's claim is not quick's. */
    @org.junit.jupiter.api.Test
    void theIndexsManyClaimIsNotMeasuredByQuickButByFull() {
        ResultNode claim = blocks().stream()
                .filter(b -> b.kind() == ResultNode.Kind.COMPARE
                        && b.body().contains("ManyBenchmark.map pool=VIRTUAL poolSize=10000"))
                .findFirst()
                .orElseThrow();
        Consumer<ResultRun> check = ResultWeaver.check(claim);
        assertEquals(Optional.of(Profile.FULL), QuoteRule.measuring(check));
        InputException onQuick = org.junit.jupiter.api.Assertions.assertThrows(
                InputException.class, () -> check.accept(QuoteRule.planned(Profile.QUICK)));
        assertFalse(onQuick.getMessage().isEmpty());
    }
}
