package io.github.poolbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;

/** The benchmark classes issue 4 asks for, for tests that check them all alike. */
final class SuiteClasses {

    static final List<Class<?>> ALL = List.of(
            SquareBenchmark.class,
            SleepBenchmark.class,
            PrimesBenchmark.class,
            FetchBenchmark.class,
            ManyBenchmark.class);

    /** The questions added for the lessons' gaps (issue 14): each has a baseline beside its variants. */
    static final List<Class<?>> GAPS = List.of(
            ChunkSizeBenchmark.class, JdkMapBenchmark.class, CommonPoolBenchmark.class, PoolStartupBenchmark.class);

    /** Every class any profile runs. */
    static final List<Class<?>> EVERY = List.of(
            SquareBenchmark.class,
            SleepBenchmark.class,
            PrimesBenchmark.class,
            FetchBenchmark.class,
            ManyBenchmark.class,
            ChunkSizeBenchmark.class,
            JdkMapBenchmark.class,
            CommonPoolBenchmark.class,
            PoolStartupBenchmark.class,
            RoundTripBenchmark.class,
            CrashDetectionBenchmark.class);

    private SuiteClasses() {}

    static Set<String> benchmarkMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(java.lang.reflect.Method::getName)
                .collect(Collectors.toSet());
    }
}
