package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerPool;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every workload as a real pool task on every pool kind: the method references must serialize to
 * worker JVMs, and fetch must build its HTTP client inside the worker.
 */
class WorkloadsOnPoolsTest {

  private static VersionFleet fleet;

  @BeforeAll
  static void startFleet() {
    // Instant answers and one far past the timeout: the outcome cannot depend on a busy machine.
    fleet = VersionFleet.start(List.of(
        new VersionFleet.ServerSpec("a", Duration.ZERO, "24.2"),
        new VersionFleet.ServerSpec("b", Duration.ZERO, "24.1"),
        new VersionFleet.ServerSpec("c", Duration.ZERO, "24.2"),
        new VersionFleet.ServerSpec("d", Duration.ZERO, "23.1"),
        new VersionFleet.ServerSpec("slow", Duration.ofSeconds(3), "23.0")));
  }

  @AfterAll
  static void stopFleet() {
    fleet.close();
  }

  @ParameterizedTest
  @EnumSource(PoolKind.class)
  void fetchGivesVersionsInServerOrderAndNullForTheSlowServer(PoolKind kind) {
    try (WorkerPool pool = WorkerPool.open(kind, 5)) {
      // A fresh worker's first request also loads the HTTP client; warm every worker up first.
      pool.map(VersionFetch::fetchVersion, fleet.urls());
      List<String> versions = pool.map(VersionFetch::fetchVersion, fleet.urls());
      assertEquals(Arrays.asList("24.2", "24.1", "24.2", "23.1", null), versions);
    }
  }

  @ParameterizedTest
  @EnumSource(PoolKind.class)
  void squareAndPrimesGiveTheSequentialAnswers(PoolKind kind) {
    try (WorkerPool pool = WorkerPool.open(kind, 2)) {
      assertEquals(
          Square.inputs(100).stream().map(Square::square).toList(),
          pool.map(Square::square, Square.inputs(100)));
      assertEquals(List.of(1229, 1229, 9592), pool.map(Primes::countBelow, List.of(10_000, 10_000, 100_000)));
    }
  }

  @ParameterizedTest
  @EnumSource(PoolKind.class)
  void napsRunOnTheWorkersAndReturnTheirStartTimes(PoolKind kind) {
    Instant before = Instant.now();
    try (WorkerPool pool = WorkerPool.open(kind, 3)) {
      List<Instant> starts = pool.map(Sleep::nap, Sleep.naps(6, Duration.ofMillis(10), false));
      assertEquals(6, starts.size());
      // Worker JVMs share the wall clock; allow a little skew rather than assert timing.
      starts.forEach(start -> assertTrue(!start.isBefore(before.minusSeconds(1)), start + " before " + before));
    }
  }
}
