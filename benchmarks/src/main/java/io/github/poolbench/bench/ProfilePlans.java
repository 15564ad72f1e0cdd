package io.github.poolbench.bench;

import io.github.poolbench.bench.RunPlan.Sizing;
import io.github.poolbench.bench.RunPlan.Step;
import io.github.poolbench.format.PlanSource;
import io.github.poolbench.format.Planned;
import io.github.poolbench.format.Profile;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each {@link Profile} measures: its steps, each one JMH run with its own params and sizing. Every point of
 * every profile has at least 10 measured samples (forks x iterations), so that JMH's 99.9 %
 * interval uses a t factor of 4.8 at most rather than 31.6 (3 samples). Budgets are for the
 * reference machine, 2 cores: the suite prints its wall time and the error distribution per class,
 * and {@code run.json} records both.
 *
 * <p>Measured on that machine on 2026-12-01, on a host whose CPU ran the primes loop six times
 * slower than its calibration. Full (plan of commit 062d13f, 142 benchmarks), 1-minute load 0.41
 * before: 26 min 7 s; relative error median / worst: sleep 0.7 / 2.8 %, fetch 0.9 / 1.2 %, primes
 * 1.2 / 18.4 % (11 of 13 within 5 %, the other two hit by single stalls). Square, chunk size and
 * round trips still fell over their measured iterations, so they now warm up for 4 to 5 s (about
 * 4 minutes more). Smoke: 24 and 25 s at a load of 13 and 16. Quick (this plan): 8 min 56 s
 * at a load of 16.5, far outside its targets; not yet timed on a quiet machine.
 */
public final class ProfilePlans implements PlanSource {

    private static final Map<String, List<String>> EVERYTHING = Map.of();
    private static final Duration HALF_SECOND = Duration.ofMillis(500);
    private static final List<String> KINDS = List.of("PROCESS", "THREAD", "VIRTUAL");

    /** For the service loader: the format's {@link Profile#planned()} asks through {@link PlanSource}. */
    public ProfilePlans() {}

    @Override
    public List<Planned> planned(Profile profile) {
        return RunPlan.planned(of(profile));
    }

    /**
     * The steps {@code profile} runs, in order.
     *
     * <ul>
     *   <li>Smoke, under 30 s: proves the pipeline and gives the site a sleep sweep of 20 ms naps
     *       (threads and virtual threads at 1, 4 and 12 workers, processes at 4, and the sequential
     *       baseline). Used by tests and CI. One fork and 10 shots each.
     *   <li>Quick, the default, at most 5 minutes: every workload, one fork, 10 samples or more, at
     *       least 90 % of the sleep, fetch and primes points within 10 %. Shorter tasks where a task
     *       is a param (naps of 25 ms, many's waits of 10 ms, the common-pool naps of 25 ms, primes
     *       below 300,000), fewer sizes (sleep at 1, 2, 4, 8 and 12; fetch, primes and many at the
     *       sizes the lessons quote), 100 ms iterations. Includes the questions of the lessons' gaps:
     *       chunk size, the JDK's parallel stream and {@code invokeAll}, the common-pool pitfall, and
     *       pool start-up.
     *   <li>Full, publication quality, at most 45 minutes: the lessons' task lengths and every size,
     *       at least 2 forks for every benchmark and 10 to 24 samples, chosen so that sleep, fetch
     *       and primes stay within 5 %; the suite warns about any that does not. Also runs the pool's
     *       own benchmarks: start-up, round trips and crash detection. Measured on the reference
     *       machine (quiet, 1-minute load 0.45 at the start): 26 min 6 s for the plan before primes
     *       got 24 samples and square ten warm-ups; see the README for the current figures.
     * </ul>
     */
    public static List<Step> of(Profile profile) {
        return switch (profile) {
            case SMOKE -> {
                // Ten measured 20 ms naps per point, the fewest samples any profile takes. Only processes
                // get a warm-up shot: a fresh worker JVM loads the task's classes on its first batch.
                Map<String, List<String>> nap = Map.of("sleepMillis", List.of("20"));
                yield List.of(
                        new Step(
                                SleepBenchmark.class,
                                List.of("map"),
                                with(nap, "pool", List.of("THREAD", "VIRTUAL"), "poolSize", List.of("1", "4", "12")),
                                Sizing.shots(1, 0, 10)),
                        new Step(
                                SleepBenchmark.class,
                                List.of("map"),
                                with(nap, "pool", List.of("PROCESS"), "poolSize", List.of("4")),
                                Sizing.shots(1, 1, 10)),
                        new Step(SleepBenchmark.class, List.of("sequential"), nap, Sizing.shots(1, 0, 10)));
            }
            case QUICK -> quick();
            case FULL -> full();
        };
    }

    /**
     * One fork and at least 10 samples per point. Shorter tasks than full where a task is a param,
     * fewer sizes, and short timed iterations: an op of primes takes 40 ms or more, so each
     * iteration is one op or a few. Short shots (sleep at 8 and 12 workers) get 30 samples: their
     * spread is the scheduler's, in absolute milliseconds.
     */
    private static List<Step> quick() {
        Sizing tenShots = Sizing.shots(1, 1, 10);
        Sizing timed = Sizing.timed(1, 1, Duration.ofMillis(100), 10, Duration.ofMillis(100));
        // Square's scores keep falling for seconds while the pool's code compiles.
        Sizing timedWarm = Sizing.timed(1, 2, Duration.ofSeconds(1), 10, Duration.ofMillis(100));
        Sizing timedProcess = Sizing.timed(1, 2, Duration.ofMillis(100), 10, Duration.ofMillis(100));
        Map<String, List<String>> nap = Map.of("sleepMillis", List.of("25"));
        // About a fifth of the work of full's 900,000 (whose tasks took 50 to 300 ms, by host).
        Map<String, List<String>> shortPrimes = Map.of("bound", List.of("300000"));
        return List.of(
                new Step(
                        SleepBenchmark.class,
                        List.of("map"),
                        with(nap, "pool", KINDS, "poolSize", List.of("1", "2", "4")),
                        tenShots),
                new Step(
                        SleepBenchmark.class,
                        List.of("map"),
                        with(nap, "pool", KINDS, "poolSize", List.of("8", "12")),
                        Sizing.shots(1, 2, 30)),
                new Step(SleepBenchmark.class, List.of("sequential"), nap, tenShots),
                // Fetch's shots are the fleet's own 0.3 to 0.7 s, so quick keeps the sizes the lessons
                // quote: threads at every size, processes at 1, 4 and 5, no virtual threads.
                new Step(
                        FetchBenchmark.class,
                        List.of("map"),
                        Map.of("pool", List.of("THREAD"), "poolSize", List.of("1", "2", "3", "4", "5")),
                        tenShots),
                // A worker JVM loads and compiles the HTTP client on its first requests.
                new Step(
                        FetchBenchmark.class,
                        List.of("map"),
                        Map.of("pool", List.of("PROCESS"), "poolSize", List.of("1", "4", "5")),
                        Sizing.shots(1, 2, 10)),
                new Step(FetchBenchmark.class, List.of("sequential"), EVERYTHING, tenShots),
                new Step(PrimesBenchmark.class, List.of("map"), with(shortPrimes, "pool", List.of("THREAD")), timed),
                new Step(
                        PrimesBenchmark.class,
                        List.of("map"),
                        with(shortPrimes, "pool", List.of("VIRTUAL"), "poolSize", List.of("2", "8")),
                        timed),
                new Step(
                        PrimesBenchmark.class,
                        List.of("map"),
                        with(shortPrimes, "pool", List.of("PROCESS"), "poolSize", List.of("1", "2", "4")),
                        timedProcess),
                new Step(PrimesBenchmark.class, List.of("sequential"), shortPrimes, timed),
                new Step(
                        SquareBenchmark.class,
                        List.of("map", "sequential"),
                        Map.of("poolSize", List.of("1", "4")),
                        timedWarm),
                new Step(
                        ChunkSizeBenchmark.class,
                        List.of("map", "sequential"),
                        Map.of("chunkSize", List.of("1", "16", "256")),
                        timedWarm),
                new Step(
                        JdkMapBenchmark.class,
                        List.of("map", "parallelStream", "invokeAll", "sequential"),
                        shortPrimes,
                        timed),
                // Many's 10,000 platform threads cost half a minute to start and stop: quick leaves them out.
                manyMap("THREAD", List.of("100", "1000"), tenShots),
                manyMap("VIRTUAL", List.of("100", "1000", "10000"), Sizing.shots(1, 3, 10)),
                new Step(
                        ManyBenchmark.class,
                        List.of("unbounded", "oneTask"),
                        Map.of("sleepMillis", List.of("10")),
                        Sizing.shots(1, 3, 10)),
                new Step(
                        CommonPoolBenchmark.class,
                        List.of("commonPool", "defaultAsync", "dedicated", "sequential"),
                        nap,
                        tenShots),
                new Step(
                        PoolStartupBenchmark.class,
                        List.of("open"),
                        Map.of("poolSize", List.of("1", "4")),
                        Sizing.shots(1, 2, 10)),
                new Step(
                        PoolStartupBenchmark.class,
                        List.of("baselineBareJvms"),
                        Map.of("poolSize", List.of("1", "4")),
                        Sizing.shots(1, 2, 10)));
    }

    /**
     * Two forks everywhere, the lessons' task lengths, every size. Sleep's long shots (1 to 4
     * workers, 300 ms to 1.2 s) get 5 shots a fork, the short ones 10: a long shot's spread is small
     * against its length.
     */
    private static List<Step> full() {
        Sizing shots = Sizing.shots(2, 1, 5);
        Sizing manyShots = Sizing.shots(2, 3, 20);
        // A primes op takes 0.9 to 1.8 s on the reference machine, so an iteration holds one op: 24
        // samples let a stall of the shared host widen the interval less than 16 did (2 of 13 points
        // were above 5 % with 16 on 2026-12-01).
        Sizing primes = Sizing.timed(2, 2, Duration.ofSeconds(1), 12, Duration.ofSeconds(1));
        // Fresh worker JVMs (and the virtual-thread scheduler) were still getting faster after two
        // warm-up iterations of square: the scores fell by half across a fork. Ten warm-ups first.
        Sizing warmWorkers = Sizing.timed(2, 10, HALF_SECOND, 10, HALF_SECOND);
        return List.of(
                new Step(SleepBenchmark.class, List.of("map"), Map.of("poolSize", List.of("1", "2", "3", "4")), shots),
                new Step(
                        SleepBenchmark.class,
                        List.of("map"),
                        Map.of("poolSize", List.of("5", "6", "7", "8", "9", "10", "11", "12")),
                        Sizing.shots(2, 1, 10)),
                new Step(SleepBenchmark.class, List.of("sequential"), EVERYTHING, shots),
                // Ten shots a fork: with six, one stalled shot of the shared host put fetch on two virtual
                // threads at 6.9 % on 2026-12-01; a fetch shot is only 0.3 to 0.7 s.
                new Step(
                        FetchBenchmark.class,
                        List.of("map"),
                        Map.of("pool", List.of("THREAD", "VIRTUAL")),
                        Sizing.shots(2, 2, 10)),
                new Step(
                        FetchBenchmark.class,
                        List.of("map"),
                        Map.of("pool", List.of("PROCESS")),
                        Sizing.shots(2, 3, 10)),
                new Step(FetchBenchmark.class, List.of("sequential"), EVERYTHING, Sizing.shots(2, 1, 10)),
                new Step(PrimesBenchmark.class, List.of("map", "sequential"), EVERYTHING, primes),
                new Step(SquareBenchmark.class, List.of("map", "sequential"), EVERYTHING, warmWorkers),
                new Step(ChunkSizeBenchmark.class, List.of("map", "sequential"), EVERYTHING, warmWorkers),
                new Step(
                        JdkMapBenchmark.class,
                        List.of("map", "parallelStream", "invokeAll", "sequential"),
                        EVERYTHING,
                        primes),
                // A 5 s shot (100 workers) is steady from the first; the short ones fell by half over the
                // first five shots on the reference machine, so they get four warm-up shots.
                new Step(ManyBenchmark.class, List.of("map"), Map.of("poolSize", List.of("100")), shots),
                new Step(
                        ManyBenchmark.class,
                        List.of("map"),
                        Map.of("poolSize", List.of("1000", "10000")),
                        Sizing.shots(2, 4, 5)),
                new Step(ManyBenchmark.class, List.of("unbounded", "oneTask"), EVERYTHING, Sizing.shots(2, 4, 5)),
                Step.all(CommonPoolBenchmark.class, Sizing.ANNOTATED),
                // The pool engineer's questions: start-up, round trips and crash detection.
                // Start-up and crash shots are short (under half a second): 20 a fork cost little and
                // narrow the interval by about a third against 10, so one slow spawn weighs less.
                new Step(PoolStartupBenchmark.class, List.of("open", "baselineBareJvms"), EVERYTHING, manyShots),
                new Step(
                        PoolStartupBenchmark.class,
                        List.of("openMapClose"),
                        Map.of("poolSize", List.of("4")),
                        manyShots),
                Step.all(RoundTripBenchmark.class, Sizing.timed(2, 5, HALF_SECOND, 10, HALF_SECOND)),
                Step.all(CrashDetectionBenchmark.class, manyShots).with(Map.of("pool", List.of("PROCESS"))));
    }

    /** {@code base} plus one more param. */
    private static Map<String, List<String>> with(Map<String, List<String>> base, String k1, List<String> v1) {
        Map<String, List<String>> all = new HashMap<>(base);
        all.put(k1, v1);
        return Map.copyOf(all);
    }

    /** {@code base} plus two more params. */
    private static Map<String, List<String>> with(
            Map<String, List<String>> base, String k1, List<String> v1, String k2, List<String> v2) {
        return with(with(base, k1, v1), k2, v2);
    }

    /** {@link ManyBenchmark}'s map of 10 ms naps on one kind of {@code pool}, at each of {@code poolSizes}. */
    private static Step manyMap(String pool, List<String> poolSizes, Sizing sizing) {
        return new Step(
                ManyBenchmark.class,
                List.of("map"),
                with(Map.of("sleepMillis", List.of("10")), "pool", List.of(pool), "poolSize", poolSizes),
                sizing);
    }
}
