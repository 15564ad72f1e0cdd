package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Behaviour every kind of pool shares, run against each kind. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WorkerPoolTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void mapReturnsResultsInInputOrder(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 3)) {
            List<Integer> expected = range(50).stream().map(x -> x * x).toList();
            assertEquals(expected, pool.map(Tasks::square, range(50)));
            assertEquals(expected, pool.map(Tasks::square, range(50), 7));
            assertEquals(List.of(), pool.map(Tasks::square, List.of()));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void mapRunsALambdaWithCapturedValues(PoolKind kind) {
        int offset = 1000;
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            assertEquals(List.of("a1000", "b1000"), pool.map((String s) -> s + offset, List.of("a", "b"), WAIT));
        }
    }

    /** An input that may not be hashed: the pool must not hash inputs to keep track of them. */
    record Unhashable(int value) implements java.io.Serializable {
        @Override
        public int hashCode() {
            throw new UnsupportedOperationException("not to be hashed");
        }
    }

    static int valueOf(Unhashable input) {
        return input.value();
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void inputsNeedNoHashCode(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            assertEquals(
                    List.of(1, 2, 3),
                    pool.map(
                            WorkerPoolTest::valueOf,
                            List.of(new Unhashable(1), new Unhashable(2), new Unhashable(3)),
                            2,
                            WAIT));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void submitCompletesItsFuture(PoolKind kind) throws Exception {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            CompletableFuture<Integer> future = pool.submit(Tasks::square, 12);
            assertEquals(144, future.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void asCompletedYieldsEveryInputOnce(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            Set<Integer> seenIndices = new HashSet<>();
            List<Integer> inputs = List.of(5, 1, 4, 2);
            for (Completion<Integer, Integer> done : pool.asCompleted(Tasks::square, inputs, WAIT)) {
                assertTrue(done.succeeded(), () -> "failed: " + done);
                assertEquals(inputs.get(done.index()), done.input());
                assertEquals(done.input() * done.input(), done.resultOrThrow());
                assertTrue(seenIndices.add(done.index()), "yielded twice: " + done);
            }
            assertEquals(Set.of(0, 1, 2, 3), seenIndices);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void asCompletedYieldsFailuresWithoutThrowing(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            List<Completion<Integer, Integer>> outcomes = new ArrayList<>();
            pool.asCompleted(Tasks::failOnThree, List.of(1, 3, 5), WAIT).forEach(outcomes::add);
            assertEquals(3, outcomes.size());
            Completion<Integer, Integer> three =
                    outcomes.stream().filter(c -> c.input() == 3).findFirst().orElseThrow();
            assertFalse(three.succeeded());
            assertInstanceOf(TaskFailedException.class, three.error());
            assertTrue(
                    three.error().getMessage().contains("input 3 (index 1)"),
                    three.error().getMessage());
            assertThrows(TaskFailedException.class, three::resultOrThrow);
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void aTaskThatThrowsFailsWithItsInputAndStackTraceAndThePoolCarriesOn(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            TaskFailedException error =
                    assertThrows(TaskFailedException.class, () -> pool.map(Tasks::failOnThree, range(6), WAIT));
            assertTrue(error.getMessage().contains("input 3 (index 3)"), error.getMessage());
            TaskFailedException inAChunk =
                    assertThrows(TaskFailedException.class, () -> pool.map(Tasks::failOnThree, range(8), 4, WAIT));
            assertTrue(inAChunk.getMessage().contains("input 3 (index 3)"), inAChunk.getMessage());
            assertTrue(error.getMessage().contains("IllegalStateException: three is unlucky"), error.getMessage());
            Throwable cause = error.getCause();
            assertTrue(cause.getMessage().contains("three is unlucky"), cause.getMessage());
            assertTrue(
                    List.of(cause.getStackTrace()).stream()
                            .anyMatch(frame -> frame.getMethodName().equals("failOnThree")),
                    "the task's own frame is in the cause's stack trace");

            ExecutionException viaSubmit = assertThrows(
                    ExecutionException.class,
                    () -> pool.submit(Tasks::failOnThree, 3).get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertInstanceOf(TaskFailedException.class, viaSubmit.getCause());
            assertTrue(
                    viaSubmit.getCause().getMessage().contains("input 3"),
                    viaSubmit.getCause().getMessage());

            assertEquals(List.of(0, 1, 4), pool.map(Tasks::square, range(3), WAIT));
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void mapGivesUpAtItsTimeoutAndThePoolCarriesOn(PoolKind kind) {
        try (WorkerPool pool =
                WorkerPool.open(kind, 1, PoolOptions.defaults().withCloseGrace(Duration.ofSeconds(10)))) {
            PoolTimeoutException error = assertThrows(
                    PoolTimeoutException.class,
                    () -> pool.map(Tasks::sleepMillis, List.of(600_000, 600_000, 600_000), Duration.ofMillis(100)));
            assertTrue(error.getMessage().contains("map of 3 inputs did not finish within PT0.1S"), error.getMessage());
            // The running sleep is stopped, the two queued ones were cancelled: the pool is free again.
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT));
        }
    }

    /**
     * The clock under test starts on a warm pool, and the first outcome is an instant task with 2 s to
     * come, more than tenfold what it takes on a loaded machine; the others never end by themselves.
     */
    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void asCompletedGivesUpAtItsDeadline(PoolKind kind) {
        try (WorkerPool pool =
                WorkerPool.open(kind, 1, PoolOptions.defaults().withCloseGrace(Duration.ofSeconds(10)))) {
            pool.map(Tasks::square, List.of(1), WAIT);
            Completions<Integer, Integer> outcomes =
                    pool.asCompleted(Tasks::sleepMillis, List.of(0, 600_000, 600_000), Duration.ofSeconds(2));
            assertEquals(0, outcomes.next().resultOrThrow());
            assertEquals(Optional.empty(), outcomes.poll(Duration.ofMillis(20)), "nothing else is done yet");
            PoolTimeoutException error = assertThrows(PoolTimeoutException.class, outcomes::next);
            assertTrue(
                    error.getMessage().contains("asCompleted did not finish within PT2S: 1 of 3 inputs were done"),
                    error.getMessage());
            assertEquals(2, outcomes.remaining());
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT), "the pool carries on");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void aClosedPoolSaysSo(PoolKind kind) {
        WorkerPool pool = WorkerPool.open(kind, 1);
        pool.close();
        pool.close(); // twice is fine
        PoolClosedException error = assertThrows(PoolClosedException.class, () -> pool.submit(Tasks::square, 1));
        assertTrue(error.getMessage().contains(kind + " pool"), error.getMessage());
        assertTrue(error.getMessage().contains("is closed"), error.getMessage());
        assertThrows(PoolClosedException.class, () -> pool.map(Tasks::square, List.of(1)));
        assertThrows(PoolClosedException.class, () -> pool.asCompleted(Tasks::square, List.of(1)));
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void closeLetsQueuedTasksFinishWithinTheGrace(PoolKind kind) throws Exception {
        CompletableFuture<Integer> queued;
        try (WorkerPool pool =
                WorkerPool.open(kind, 1, PoolOptions.defaults().withCloseGrace(Duration.ofSeconds(30)))) {
            pool.submit(Tasks::sleepMillis, 200);
            queued = pool.submit(Tasks::square, 9);
        }
        assertEquals(81, queued.get(1, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void closeEndsATaskThatOutlivesTheGrace(PoolKind kind) {
        CompletableFuture<Integer> stuck;
        try (WorkerPool pool =
                WorkerPool.open(kind, 1, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(200)))) {
            stuck = pool.submit(Tasks::sleepMillis, 600_000);
        }
        ExecutionException error = assertThrows(ExecutionException.class, () -> stuck.get(1, TimeUnit.SECONDS));
        assertInstanceOf(PoolException.class, error.getCause());
    }

    /** The same event, the same exception: a map that close() ends fails with PoolClosedException on every kind. */
    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void closeDuringAMapFailsItWithPoolClosedException(PoolKind kind, @TempDir Path temp) throws Exception {
        Path started = temp.resolve("started");
        WorkerPool pool = WorkerPool.open(kind, 1, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(200)));
        CompletableFuture<List<Long>> map;
        try {
            map = CompletableFuture.supplyAsync(
                    () -> pool.map(Tasks::reportPidThenSleep, List.of(started.toString()), WAIT),
                    runnable -> Thread.ofPlatform().daemon(true).start(runnable));
            for (int poll = 0; poll < 1200 && !Files.exists(started); poll++) {
                Thread.sleep(50); // until the task runs, at most a minute
            }
            assertTrue(Files.exists(started), "the task started");
        } finally {
            pool.close();
        }
        ExecutionException error = assertThrows(ExecutionException.class, () -> map.get(30, TimeUnit.SECONDS));
        PoolClosedException closed = assertInstanceOf(PoolClosedException.class, error.getCause());
        assertTrue(
                closed.getMessage().startsWith("The " + kind + " pool ")
                        && closed.getMessage().contains(" was closed before input " + started + " (index 0) finished"),
                closed.getMessage());
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void optionsAndSizeAreReported(PoolKind kind) {
        PoolOptions options = PoolOptions.defaults().withDefaultTimeout(Duration.ofSeconds(42));
        try (WorkerPool pool = WorkerPool.open(kind, 2, options)) {
            assertEquals(kind, pool.kind());
            assertEquals(2, pool.size());
            assertEquals(Duration.ofSeconds(42), pool.options().defaultTimeout());
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "PROCESS"})
    void onlyVirtualAcceptsSizeZero(PoolKind kind) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> WorkerPool.open(kind, 0));
        assertTrue(error.getMessage().contains("only VIRTUAL accepts 0"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void valuesComeBackAsTheThreadPoolReturnsThem(PoolKind kind) {
        List<Object> values = List.of(
                "a\uD800b",
                "\uDC00 alone",
                new ValueCodecTest.Masked("hunter2"),
                List.of("x\uDBFFy", 1, 2.5),
                java.util.Map.of("k", "v\uD800"));
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            assertEquals(values, pool.map(Tasks::identity, values, WAIT));
        }
    }
}
