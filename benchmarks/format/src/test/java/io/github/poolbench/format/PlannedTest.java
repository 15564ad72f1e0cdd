package io.github.poolbench.format;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannedTest {

    private static final Planned MAP = new Planned("io.github.poolbench.bench.SleepBenchmark.map", "ss", Map.of());

    @Test
    void isNamedByItsFullNameOrItsEnd() {
        assertTrue(MAP.is("io.github.poolbench.bench.SleepBenchmark.map"));
        assertTrue(MAP.is("SleepBenchmark.map"));
        assertFalse(MAP.is("eepBenchmark.map"), "only whole names after a dot");
        assertFalse(MAP.is("SleepBenchmark.mapped"));
    }
}
