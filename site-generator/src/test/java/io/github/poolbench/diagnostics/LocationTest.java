package io.github.poolbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code file:line:column}, with only the parts that are known. */
class LocationTest {

    private static final Path LESSON = Path.of("content", "lessons", "threads.md");

    @Test
    void aKnownColumnFollowsTheLine() {
        assertEquals("content/lessons/threads.md:12:5", new Location(LESSON, 12, 5).toString());
    }

    @Test
    void anUnknownColumnIsLeftOut() {
        assertEquals("content/lessons/threads.md:12", Location.of(LESSON, 12).toString());
    }

    @Test
    void anUnknownLineLeavesOutTheColumnToo() {
        assertEquals("content/lessons/threads.md", new Location(LESSON, 0, 5).toString());
    }

    @Test
    void aPlaceInsideABlockCountsFromTheBlocksLineAndForgetsTheColumn() {
        assertEquals(new Location(LESSON, 15, 0), new Location(LESSON, 12, 5).plusLines(3));
    }
}
