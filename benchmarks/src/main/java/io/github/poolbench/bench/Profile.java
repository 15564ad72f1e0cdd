package io.github.poolbench.bench;

import io.github.poolbench.bench.Plan.Sizing;
import io.github.poolbench.bench.Plan.Step;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much measuring a run does. The names are what {@code --profile} accepts. Budgets are for the
 * reference machine, 2 cores: the suite prints its real wall time and an estimate as it goes, and
 * {@code run.json} records it. Measured on that machine while other builds kept its load at 4 to
 * 11: smoke 17 to 20 s, quick 4 min 31 s (87 benchmarks); of full, the sleep step took 7 min and
 * the fetch step 4.5 min (the rest is estimated from the annotations: about 35 min in all).
 */
public enum Profile {
  /**
   * Under 30 s: proves the pipeline and gives the site a sleep sweep (threads and virtual threads
   * at 1, 4 and 12 workers, processes at 4, and the sequential baseline). Used by tests and CI.
   * Numbers are rough: one fork and three measured shots each (JMH gives no error below three
   * samples).
   */
  SMOKE,
  /**
   * The default, at most 5 minutes: every workload x pool kind x pool size, one fork, few
   * iterations. Errors are wide (few samples), scores are usable.
   */
  QUICK,
  /**
   * Publication quality, at most 45 minutes (about 30 on a quiet 2-core machine): every class's
   * own annotations, 2 forks of 10 shots or of 5 to 8 timed iterations, chosen so that scoreError
   * stays within 5 % of the score for sleep, fetch and primes; the suite warns about any that does
   * not. Also runs the pool's own benchmarks: start-up, round trips and crash detection.
   */
  FULL;

  private static final Map<String, List<String>> EVERYTHING = Map.of();

  /** The name as typed on the command line, e.g. {@code quick}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The steps this profile runs, in order. */
  public List<Step> plan() {
    return switch (this) {
      case SMOKE -> {
        // Three measured shots, the fewest that give an error. Only processes get a warm-up shot:
        // a fresh worker JVM loads the task's classes on its first batch, a thread does not.
        Sizing cold = Sizing.shots(1, 0, 3);
        yield List.of(
            new Step(SleepBenchmark.class, List.of("map"),
                Map.of("pool", List.of("THREAD", "VIRTUAL"), "poolSize", List.of("1", "4", "12")), cold),
            new Step(SleepBenchmark.class, List.of("map"),
                Map.of("pool", List.of("PROCESS"), "poolSize", List.of("4")), Sizing.shots(1, 1, 3)),
            new Step(SleepBenchmark.class, List.of("sequential"), EVERYTHING, cold));
      }
      case QUICK -> {
        // One fork per combination, and the fewest samples that still give an error (3). The
        // long waits of many (5 s a shot at 100 workers) skip the warm-up shot.
        Sizing shots = Sizing.shots(1, 1, 3);
        Sizing timed = Sizing.timed(1, 1, Duration.ofMillis(300), 3, Duration.ofMillis(300));
        yield List.of(
            new Step(SleepBenchmark.class, List.of("map", "sequential"), EVERYTHING, shots),
            new Step(FetchBenchmark.class, List.of("map", "sequential"), EVERYTHING, shots),
            new Step(PrimesBenchmark.class, List.of("map", "sequential"), EVERYTHING, timed),
            new Step(SquareBenchmark.class, List.of("map", "sequential"), EVERYTHING, timed),
            new Step(ManyBenchmark.class, List.of("map", "unbounded", "oneTask"), EVERYTHING, Sizing.shots(1, 0, 3)));
      }
      case FULL -> List.of(
          new Step(SleepBenchmark.class, List.of("map", "sequential"), EVERYTHING, Sizing.ANNOTATED),
          new Step(FetchBenchmark.class, List.of("map", "sequential"), EVERYTHING, Sizing.ANNOTATED),
          new Step(PrimesBenchmark.class, List.of("map", "sequential"), EVERYTHING, Sizing.ANNOTATED),
          new Step(SquareBenchmark.class, List.of("map", "sequential"), EVERYTHING, Sizing.ANNOTATED),
          new Step(ManyBenchmark.class, List.of("map", "unbounded", "oneTask"), EVERYTHING, Sizing.ANNOTATED),
          // The pool engineer's questions (start-up, round trips, crash detection), sized by their
          // own annotations; too long for quick's five minutes.
          Step.all(PoolStartupBenchmark.class, Sizing.ANNOTATED),
          Step.all(RoundTripBenchmark.class, Sizing.ANNOTATED),
          Step.all(CrashDetectionBenchmark.class, Sizing.ANNOTATED));
    };
  }

  /** Parses a profile name case-insensitively, naming the choices when it is unknown. */
  public static Profile parse(String name) {
    for (Profile profile : values()) {
      if (profile.id().equalsIgnoreCase(name.strip())) {
        return profile;
      }
    }
    throw new IllegalArgumentException("unknown profile '" + name + "' (choose smoke, quick or full)");
  }
}
