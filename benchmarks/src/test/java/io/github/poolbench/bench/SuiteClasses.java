package io.github.poolbench.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;

/** The benchmark classes issue 4 asks for, for tests that check them all alike. */
final class SuiteClasses {

  static final List<Class<?>> ALL = List.of(
      SquareBenchmark.class, SleepBenchmark.class, PrimesBenchmark.class, FetchBenchmark.class, ManyBenchmark.class);

  private SuiteClasses() {}

  static Set<String> benchmarkMethods(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Benchmark.class))
        .map(java.lang.reflect.Method::getName)
        .collect(Collectors.toSet());
  }
}
