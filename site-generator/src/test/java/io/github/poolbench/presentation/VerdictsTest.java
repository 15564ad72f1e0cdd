package io.github.poolbench.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.results.Ratio;
import io.github.poolbench.results.RatioInterval;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One wording per verdict, whichever page says it: each form, one test each. */
class VerdictsTest {

    private static Ratio ratio(double ratio, double lower, double upper) {
        RatioInterval interval = new RatioInterval(ratio, lower, upper);
        return new Ratio(interval, Ratio.judge(interval));
    }

    private static final Ratio FASTER = ratio(1.99, 1.95, 2.03);
    private static final Ratio SAME = ratio(1.02, 0.97, 1.08);
    private static final Ratio BEHIND = ratio(1 / 1.3, 1 / 1.36, 1 / 1.25);
    private static final Ratio UNKNOWN = new Ratio(RatioInterval.unknown(3.86), Ratio.Verdict.UNKNOWN);

    static Stream<Arguments> sentences() {
        return Stream.of(
                Arguments.of("faster, with the interval", FASTER, "1.99× faster (1.95–2.03×)"),
                Arguments.of("how many times slower, never below 1", BEHIND, "1.30× slower (1.25–1.36×)"),
                Arguments.of("an interval holding 1", SAME, "no faster: 1.02× (0.97–1.08×)"),
                Arguments.of("no interval", UNKNOWN, "not known: 3.86× faster (no error estimate)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentences")
    void aSentenceSaysTheVerdictWithItsNumbers(String what, Ratio ratio, String sentence) {
        assertEquals(sentence, Verdicts.sentence(ratio));
    }

    @Test
    void aTableCellNamesNoWinnerWhereTheIntervalHoldsOne() {
        assertEquals("1.02× (0.97–1.08: no faster than sequential)", Verdicts.speedup(SAME, "sequential"));
    }

    @Test
    void aTableCellWithoutAnIntervalUsesTheSameWordAsASentence() {
        assertEquals("3.86× (not known: no error estimate)", Verdicts.speedup(UNKNOWN, ""));
    }

    @Test
    void oneMachineAgainstAnotherUsesTheSentencesWords() {
        assertEquals("no faster than lab-b: 1.02× (0.97–1.08)", Verdicts.against(SAME, "lab-b"));
    }

    @Test
    void theTrendAndTheMethodologyPageGetTheSameWords() {
        assertEquals(
                Map.of("faster", "faster", "slower", "slower", "same", "no faster", "unknown", "not known"),
                Verdicts.words());
    }
}
