package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SquareTest {

    @ParameterizedTest(name = "{0}² = {1}")
    @CsvSource({"0, 0", "1, 1", "-3, 9", "9, 81", "3037000499, 9223372030926249001"})
    void squares(long x, long expected) {
        assertEquals(expected, Square.square(x));
    }

    @Test
    void lessonMapGivesTheLessonsOutput() {
        // The lesson prints [0, 1, 4, 9, 16, 25, 36, 49, 64, 81].
        assertEquals(
                List.of(0L, 1L, 4L, 9L, 16L, 25L, 36L, 49L, 64L, 81L),
                Square.inputs(10).stream().map(Square::square).toList());
    }
}
