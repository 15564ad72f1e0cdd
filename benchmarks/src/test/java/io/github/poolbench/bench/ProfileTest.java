package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"smoke, SMOKE", "quick, QUICK", "full, FULL", "QUICK, QUICK", "' Full ', FULL"})
  void parsesNamesAsTypedOnTheCommandLine(String name, Profile expected) {
    assertEquals(expected, Profile.parse(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "fast", "smoke2"})
  void unknownNamesListTheChoices(String name) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse(name));
    assertTrue(e.getMessage().contains("smoke, quick or full"), e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void idRoundTrips(Profile profile) {
    assertEquals(profile, Profile.parse(profile.id()));
  }

  @Test
  void smokeCoversASleepSweepOfEveryKindAndItsBaseline() {
    List<Plan.Step> plan = Profile.SMOKE.plan();
    assertTrue(plan.stream().allMatch(s -> s.benchmark() == SleepBenchmark.class));
    Set<String> kinds = plan.stream()
        .filter(s -> s.methods().contains("map"))
        .flatMap(s -> s.params().get("pool").stream())
        .collect(Collectors.toSet());
    assertEquals(Set.of("PROCESS", "THREAD", "VIRTUAL"), kinds);
    assertTrue(plan.stream().anyMatch(s -> s.methods().contains("sequential")));
    assertTrue(plan.stream().allMatch(s -> s.sizing().forks() == 1 && s.sizing().iterations() >= 3),
        "one fork, at least three samples so JMH reports an error");
  }

  @Test
  void quickRunsEveryBenchmarkMethodOverItsWholeSweep() {
    List<Plan.Step> plan = Profile.QUICK.plan();
    for (Class<?> type : SuiteClasses.ALL) {
      Set<String> planned = plan.stream()
          .filter(s -> s.benchmark() == type)
          .flatMap(s -> s.methods().stream())
          .collect(Collectors.toSet());
      assertEquals(SuiteClasses.benchmarkMethods(type), planned, type.getSimpleName());
    }
    assertTrue(plan.stream().allMatch(s -> s.params().isEmpty()), "quick keeps every kind and size");
    assertTrue(plan.stream().allMatch(s -> s.sizing().iterations() >= 3));
    // 37 sleep + 16 fetch + 13 primes + 13 square + 8 many
    assertEquals(87, Plan.count(plan));
  }

  @Test
  void fullUsesTheAnnotationsEverywhereAndAddsThePoolsOwnBenchmarks() {
    List<Plan.Step> plan = Profile.FULL.plan();
    for (Plan.Step step : plan) {
      assertEquals(Plan.Sizing.ANNOTATED, step.sizing());
      assertNull(step.sizing().forks());
    }
    Set<Class<?>> classes = plan.stream().map(Plan.Step::benchmark).collect(Collectors.toSet());
    assertTrue(classes.containsAll(SuiteClasses.ALL));
    assertTrue(classes.containsAll(Set.of(
        PoolStartupBenchmark.class, RoundTripBenchmark.class, CrashDetectionBenchmark.class)));
    assertTrue(Plan.count(plan) > Plan.count(Profile.QUICK.plan()));
  }

  @Test
  void noProfileIsEmpty() {
    for (Profile profile : Profile.values()) {
      assertFalse(profile.plan().isEmpty(), profile.id());
    }
  }
}
