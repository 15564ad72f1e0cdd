package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.pool.WorkerPool;
import java.time.Duration;
import java.time.Instant;
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
        fleet = VersionFleet.start(VersionFleetTest.MARGINS);
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void fetchGivesVersionsInServerOrderAndNullForTheSlowServer(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 5)) {
            // A serializable lambda: a worker JVM gets the URL, builds its own client, and fetches.
            List<String> versions =
                    pool.map(url -> VersionFetch.fetchVersion(url, VersionFleetTest.WIDE_TIMEOUT), fleet.urls());
            assertEquals(VersionFleetTest.EXPECTED, versions);
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
