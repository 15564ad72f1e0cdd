package io.github.poolbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchmarkNamesTest {

    @Test
    void aFullNameIsCitedAsClassAndMethod() {
        assertEquals("SleepBenchmark.map", BenchmarkNames.shortName("io.github.poolbench.bench.SleepBenchmark.map"));
    }

    @Test
    void aNameWithoutAPackageIsKeptWhole() {
        assertEquals("SleepBenchmark.map", BenchmarkNames.shortName("SleepBenchmark.map"));
    }

    @Test
    void aBareMethodIsKeptWhole() {
        assertEquals("map", BenchmarkNames.shortName("map"));
    }
}
