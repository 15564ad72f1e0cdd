package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison of a run's output with what its page shows: each way it can disagree, and what it lets vary. */
class ShownOutputTest {

    private static final Path LESSON = Path.of("lesson.md");

    /** FetchOnAPool's output as its page shows it. */
    private static final ShownOutput.Expected FETCH = expected(
            false,
            false,
            "took … ms",
            "http://127.0.0.1:… 24.2",
            "http://127.0.0.1:… 24.1",
            "http://127.0.0.1:… 24.2",
            "http://127.0.0.1:… 23.1",
            "http://127.0.0.1:… null");

    @Test
    void numbersVaryButAnswersDoNot() {
        assertEquals(Optional.empty(), ShownOutput.mismatch(FETCH, """
                        took 357 ms
                        http://127.0.0.1:41417 24.2
                        http://127.0.0.1:40581 24.1
                        http://127.0.0.1:41669 24.2
                        http://127.0.0.1:42641 23.1
                        http://127.0.0.1:39903 null
                        """));
    }

    @Test
    void aNullWhereThePageShowsAVersionFails() {
        String output = """
                took 2506 ms
                http://127.0.0.1:41417 null
                http://127.0.0.1:40581 24.1
                http://127.0.0.1:41669 24.2
                http://127.0.0.1:42641 23.1
                http://127.0.0.1:39903 null
                """;

        assertEquals(
                "lesson.md:4: the lesson shows the output line 'http://127.0.0.1:… 24.1', but FetchOnAPool.java printed"
                        + " no such line after the lines before it (… stands for a number); it printed:\n"
                        + output.stripTrailing(),
                ShownOutput.mismatch(FETCH, output).orElseThrow().toString());
    }

    @Test
    void theOrderIsPinnedUnlessTheSnippetSaysUnordered() {
        String swapped = """
                took 357 ms
                http://127.0.0.1:40581 24.1
                http://127.0.0.1:41417 24.2
                http://127.0.0.1:41669 24.2
                http://127.0.0.1:42641 23.1
                http://127.0.0.1:39903 null
                """;

        assertEquals(
                "lesson.md:4: the lesson shows the output line 'http://127.0.0.1:… 24.1', but FetchOnAPool.java printed"
                        + " no such line after the lines before it (… stands for a number); it printed:\n"
                        + swapped.stripTrailing(),
                ShownOutput.mismatch(FETCH, swapped).orElseThrow().toString());
        ShownOutput.Expected unordered =
                new ShownOutput.Expected(FETCH.file(), FETCH.at(), FETCH.lines(), true, false, 60);
        assertEquals(Optional.empty(), ShownOutput.mismatch(unordered, swapped));
    }

    @Test
    void aLineThePageDoesNotShowFails() {
        ShownOutput.Expected squares = expected(false, false, "[0, 1, 4]");

        assertEquals(
                "lesson.md:1: FetchOnAPool.java printed 'Exception in thread \"main\"', which the lesson does not show;"
                        + " it printed:\n[0, 1, 4]\nException in thread \"main\"",
                ShownOutput.mismatch(squares, "[0, 1, 4]\nException in thread \"main\"\n")
                        .orElseThrow()
                        .toString());
    }

    @Test
    void anEllipsisStandsForANumberOnly() {
        ShownOutput.Expected took = expected(false, false, "took … ms");

        assertEquals(Optional.empty(), ShownOutput.mismatch(took, "took 1,234 ms"));
        assertEquals(Optional.empty(), ShownOutput.mismatch(expected(false, false, "at …"), "at 15:21:21.437"));
        assertEquals(
                "lesson.md:2: the lesson shows the output line 'took … ms', but FetchOnAPool.java printed no such line"
                        + " after the lines before it (… stands for a number); it printed:\ntook null ms",
                ShownOutput.mismatch(took, "took null ms").orElseThrow().toString());
    }

    private static ShownOutput.Expected expected(boolean unordered, boolean partial, String... lines) {
        return new ShownOutput.Expected(
                "FetchOnAPool.java",
                Location.of(LESSON, 1),
                java.util.stream.IntStream.range(0, lines.length)
                        .mapToObj(i -> new ShownOutput.Line(Location.of(LESSON, i + 2), lines[i]))
                        .toList(),
                unordered,
                partial,
                60);
    }
}
