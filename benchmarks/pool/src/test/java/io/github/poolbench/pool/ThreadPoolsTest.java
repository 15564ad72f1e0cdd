package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What only in-process pools can show: how many tasks run at once, and on which threads. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ThreadPoolsTest {

    private static final AtomicInteger running = new AtomicInteger();
    private static final AtomicInteger mostRunning = new AtomicInteger();
    private static volatile CountDownLatch allStarted;

    /** Counts how many run at once; the first {@code allStarted} of them wait for one another, whatever the machine's speed. */
    private static int countConcurrency(int millis) throws InterruptedException {
        mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            allStarted.countDown();
            allStarted.await(30, TimeUnit.SECONDS);
            Thread.sleep(millis);
            return millis;
        } finally {
            running.decrementAndGet();
        }
    }

    private static String threadName(int ignored) {
        return Thread.currentThread().getName() + (Thread.currentThread().isVirtual() ? " virtual" : " platform");
    }

    private static int waitForAll(int ignored) throws InterruptedException {
        allStarted.countDown();
        return allStarted.await(30, TimeUnit.SECONDS) ? 1 : 0;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aBoundedVirtualPoolRunsAtMostSizeTasksAtOnce(int size) {
        for (PoolKind kind : List.of(PoolKind.VIRTUAL, PoolKind.THREAD)) {
            mostRunning.set(0);
            allStarted = new CountDownLatch(size);
            try (WorkerPool pool = WorkerPool.open(kind, size)) {
                pool.map(
                        ThreadPoolsTest::countConcurrency,
                        WorkerPoolTest.range(12).stream().map(i -> 20).toList());
            }
            assertEquals(size, mostRunning.get(), kind + " pool of " + size);
        }
    }

    @Test
    void anUnboundedVirtualPoolRunsEveryTaskAtOnce() {
        allStarted = new CountDownLatch(200);
        try (WorkerPool pool = WorkerPool.unboundedVirtual()) {
            assertEquals(0, pool.size());
            List<Integer> released =
                    pool.map(ThreadPoolsTest::waitForAll, WorkerPoolTest.range(200), Duration.ofSeconds(40));
            assertEquals(200, released.stream().mapToInt(Integer::intValue).sum(), "every task saw all 200 start");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "VIRTUAL"})
    void tasksRunOnNamedThreadsOfTheRightKind(PoolKind kind) {
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            String name = pool.map(ThreadPoolsTest::threadName, List.of(0)).getFirst();
            String expected = "poolbench-" + kind.name().toLowerCase() + "-";
            assertTrue(name.startsWith(expected), name);
            assertTrue(name.endsWith(kind == PoolKind.VIRTUAL ? " virtual" : " platform"), name);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "VIRTUAL"})
    void closeInterruptsATaskThatOutlivesTheGraceAndReturnsOnceItsThreadHasEnded(PoolKind kind) throws Exception {
        ThreadWorkerPool pool = (ThreadWorkerPool)
                WorkerPool.open(kind, 2, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(200)));
        allStarted = new CountDownLatch(1);
        CompletableFuture<Integer> sleeping = pool.submit(ThreadPoolsTest::countConcurrency, 600_000);
        assertTrue(allStarted.await(30, TimeUnit.SECONDS), "the task never started");
        List<Thread> started = List.copyOf(pool.liveThreads());
        pool.close();
        assertTrue(pool.liveThreads().isEmpty(), () -> "left running: " + pool.liveThreads());
        started.forEach(thread -> assertFalse(thread.isAlive(), thread + " still alive"));
        ExecutionException error = assertThrows(ExecutionException.class, () -> sleeping.get(30, TimeUnit.SECONDS));
        assertInstanceOf(PoolException.class, error.getCause());
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "VIRTUAL"})
    void closeLeavesNoThreadRunning(PoolKind kind) throws Exception {
        ThreadWorkerPool pool = (ThreadWorkerPool) WorkerPool.open(kind, 4);
        allStarted = new CountDownLatch(1);
        pool.submit(ThreadPoolsTest::countConcurrency, 100);
        // Wait until the task runs: a virtual pool starts its thread after submit returns.
        assertTrue(allStarted.await(30, TimeUnit.SECONDS), "the task never started");
        List<Thread> started = List.copyOf(pool.liveThreads());
        assertFalse(started.isEmpty(), "a task is running");
        pool.close();
        assertTrue(pool.liveThreads().isEmpty(), () -> "left running: " + pool.liveThreads());
        started.forEach(thread -> assertFalse(thread.isAlive(), thread + " still alive"));
    }

    private static final java.util.Queue<Integer> started = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private static int recordStart(int index) {
        started.add(index);
        return index;
    }

    /**
     * A pool of one is a queue: task n + 1 starts after task n. (A capped VIRTUAL pool gave each task a
     * virtual thread that then raced for the permit, so a later task could start first; a test whose
     * instant first task waited behind a 600 s one failed so once in a clean-clone CI.)
     */
    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "VIRTUAL"})
    void aPoolOfOneStartsTasksInTheOrderGiven(PoolKind kind) {
        List<Integer> inputs = java.util.stream.IntStream.range(0, 200).boxed().toList();
        started.clear();
        try (WorkerPool pool = WorkerPool.open(kind, 1)) {
            Completions<Integer, Integer> outcomes =
                    pool.asCompleted(ThreadPoolsTest::recordStart, inputs, Duration.ofSeconds(30));
            for (int i = 0; i < inputs.size(); i++) {
                outcomes.next().resultOrThrow();
            }
        }
        assertEquals(inputs, List.copyOf(started));
    }
}
