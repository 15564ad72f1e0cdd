package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunPlanTest {

    private static final RunPlan.Sizing ONE = RunPlan.Sizing.shots(1, 0, 1);

    @ParameterizedTest(name = "{0} {1} with {2} -> {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "SleepBenchmark | map | - | 36",
                "SleepBenchmark | sequential | - | 1",
                "SleepBenchmark | map,sequential | - | 37",
                "SleepBenchmark | map | pool=THREAD | 12",
                "SleepBenchmark | map | pool=THREAD,VIRTUAL;poolSize=1,4,12 | 6",
                "FetchBenchmark | map | - | 15",
                "ManyBenchmark | map,unbounded,oneTask | - | 8",
                "SquareBenchmark | map | tasks=10,100 | 24"
            })
    void countsMethodsTimesParamCombinations(String type, String methods, String params, int expected)
            throws Exception {
        Class<?> benchmark = Class.forName("io.github.poolbench.bench." + type);
        RunPlan.Step step = new RunPlan.Step(benchmark, List.of(methods.split(",")), parse(params), ONE);
        assertEquals(expected, step.count());
    }

    @Test
    void includePatternSelectsExactlyTheNamedMethods() {
        RunPlan.Step step = new RunPlan.Step(SleepBenchmark.class, List.of("map"), Map.of(), ONE);
        Pattern include = Pattern.compile(step.includePattern());
        assertTrue(
                include.matcher("io.github.poolbench.bench.SleepBenchmark.map").find());
        assertFalse(include.matcher("io.github.poolbench.bench.SleepBenchmark.sequential")
                .find());
        assertFalse(
                include.matcher("io.github.poolbench.bench.SleepBenchmarkX.map").find());
    }

    @Test
    void allFindsEveryBenchmarkMethod() {
        RunPlan.Step step = RunPlan.Step.all(ManyBenchmark.class, ONE);
        assertEquals(List.of("map", "oneTask", "unbounded"), step.methods());
        assertEquals(8, step.count());
    }

    @Test
    void unknownMethodIsRejectedEarly() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new RunPlan.Step(SleepBenchmark.class, List.of("mapp"), Map.of(), ONE));
    }

    private static Map<String, List<String>> parse(String params) {
        if (params.equals("-")) {
            return Map.of();
        }
        Map<String, List<String>> map = new java.util.HashMap<>();
        for (String pair : params.split(";")) {
            String[] kv = pair.split("=");
            map.put(kv[0], List.of(kv[1].split(",")));
        }
        return map;
    }
}
