package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.pool.PoolKind;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;

/** The conventions the site's charts rely on, checked on every class. */
class BenchmarkClassesTest {

    static Stream<Class<?>> classes() {
        return SuiteClasses.ALL.stream();
    }

    static Stream<Class<?>> everyClass() {
        return SuiteClasses.EVERY.stream();
    }

    @ParameterizedTest
    @MethodSource("everyClass")
    void fullHasTwoForksAndNoClassSetsItsOwnFlags(Class<?> type) {
        Fork fork = type.getAnnotation(Fork.class);
        assertNotNull(fork, type.getSimpleName());
        assertTrue(fork.value() >= 2, "full profile needs at least 2 forks");
        // The suite's JvmFlags are the forks' flags; a class's own would be a second definition.
        for (String[] flags : List.of(fork.jvmArgs(), fork.jvmArgsAppend(), fork.jvmArgsPrepend())) {
            assertArrayEquals(new String[] {Fork.BLANK_ARGS}, flags, type.getSimpleName());
        }
    }

    @ParameterizedTest
    @MethodSource("classes")
    void mapSweepsParamsNamedPoolAndPoolSize(Class<?> type) throws Exception {
        Method map = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("map"))
                .findFirst()
                .orElseThrow();
        Class<?> state = map.getParameterTypes()[0];
        Field pool = state.getField("pool");
        Field poolSize = state.getField("poolSize");
        assertEquals(PoolKind.class, pool.getType());
        assertEquals(int.class, poolSize.getType());
        for (String kind : pool.getAnnotation(Param.class).value()) {
            PoolKind.valueOf(kind);
        }
        assertTrue(poolSize.getAnnotation(Param.class).value().length >= 3);
    }

    @ParameterizedTest
    @MethodSource("classes")
    void taskCountIsAParamNamedTasks(Class<?> type) throws Exception {
        // FetchBenchmark's tasks are its five servers; every other class makes the count a param.
        if (type != FetchBenchmark.class) {
            assertEquals(int.class, type.getField("tasks").getType());
        }
    }

    static Stream<Arguments> baselines() {
        return Stream.of(
                Arguments.of(SquareBenchmark.class, "sequential"),
                Arguments.of(SleepBenchmark.class, "sequential"),
                Arguments.of(PrimesBenchmark.class, "sequential"),
                Arguments.of(FetchBenchmark.class, "sequential"),
                Arguments.of(ManyBenchmark.class, "oneTask"),
                Arguments.of(ChunkSizeBenchmark.class, "sequential"),
                Arguments.of(JdkMapBenchmark.class, "sequential"),
                Arguments.of(CommonPoolBenchmark.class, "sequential"));
    }

    @ParameterizedTest
    @MethodSource("baselines")
    void everyClassHasItsBaselineBesideMap(Class<?> type, String baseline) {
        Set<String> methods = SuiteClasses.benchmarkMethods(type);
        assertTrue(methods.contains(baseline), type.getSimpleName());
    }

    static Stream<Arguments> sweeps() {
        return Stream.of(
                Arguments.of(SquareBenchmark.class, List.of("1", "2", "4", "8"), Mode.AverageTime),
                Arguments.of(PrimesBenchmark.class, List.of("1", "2", "4", "8"), Mode.AverageTime),
                Arguments.of(
                        SleepBenchmark.class,
                        List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
                        Mode.SingleShotTime),
                Arguments.of(FetchBenchmark.class, List.of("1", "2", "3", "4", "5"), Mode.SingleShotTime),
                Arguments.of(ManyBenchmark.class, List.of("100", "1000", "10000"), Mode.SingleShotTime));
    }

    @ParameterizedTest
    @MethodSource("sweeps")
    void sizesAndModesAreTheDocumentedOnes(Class<?> type, List<String> sizes, Mode mode) throws Exception {
        Method map = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals("map"))
                .findFirst()
                .orElseThrow();
        Field poolSize = map.getParameterTypes()[0].getField("poolSize");
        assertEquals(sizes, List.of(poolSize.getAnnotation(Param.class).value()));
        assertArrayEquals(
                new Mode[] {mode}, type.getAnnotation(BenchmarkMode.class).value());
    }
}
