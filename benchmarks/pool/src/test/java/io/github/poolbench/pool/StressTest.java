package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ten thousand tasks per kind and size; every result checked; nothing left running afterwards. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StressTest {

    private static final int TASKS = 10_000;
    private static final Duration WAIT = Duration.ofMinutes(2);

    /**
     * A stop that lands just as a thread takes its task up must still stop the task. Each round maps
     * fifty ten-minute naps on a pool of one and gives up after a millisecond, so that the stops run
     * down the queue while the freed thread takes the next nap: a nap that escaped its stop holds the
     * only thread, and the next map times out.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"THREAD", "VIRTUAL"
    }) // a process pool stops under one lock, without this race (checked: 300 rounds pass)
    void aStopAsTheThreadTakesItsTaskUpStillStopsIt(PoolKind kind) {
        List<Integer> naps = java.util.Collections.nCopies(50, 600_000);
        try (WorkerPool pool = WorkerPool.open(kind, 1)) {
            for (int round = 0; round < 300; round++) {
                org.junit.jupiter.api.Assertions.assertThrows(
                        PoolTimeoutException.class, () -> pool.map(Tasks::sleepMillis, naps, 1, Duration.ofMillis(1)));
                assertEquals(
                        List.of(round * round),
                        pool.map(Tasks::square, List.of(round), Duration.ofSeconds(30)),
                        "round " + round);
            }
        }
    }

    @ParameterizedTest(name = "{0} x {1}")
    @CsvSource({"PROCESS, 1", "PROCESS, 4", "THREAD, 1", "THREAD, 4", "VIRTUAL, 1", "VIRTUAL, 4"})
    void tenThousandTasksAllRightAndNothingLeftOver(PoolKind kind, int size) throws Exception {
        Set<String> threadsBefore = poolbenchThreadNames();
        List<ProcessHandle> workers = List.of();
        WorkerPool pool = WorkerPool.open(kind, size);
        try (pool) {
            List<Integer> inputs = WorkerPoolTest.range(TASKS);
            // Half through map, one task a round trip; half through submit, all in flight at once.
            List<Integer> mapped = pool.map(Tasks::square, inputs.subList(0, TASKS / 2), WAIT);
            List<CompletableFuture<Integer>> submitted = inputs.subList(TASKS / 2, TASKS).stream()
                    .map(input -> pool.submit(Tasks::square, input))
                    .toList();
            CompletableFuture.allOf(submitted.toArray(CompletableFuture[]::new))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            for (int i = 0; i < TASKS; i++) {
                int result = i < TASKS / 2
                        ? mapped.get(i)
                        : submitted.get(i - TASKS / 2).join();
                assertEquals(i * i, result, "task " + i);
            }
            if (pool instanceof ProcessWorkerPool processes) {
                workers = processes.workerHandles();
                assertEquals(size, workers.size());
            }
        }
        if (pool instanceof ThreadWorkerPool threads) {
            assertEquals(Set.of(), threads.liveThreads());
        }
        for (ProcessHandle worker : workers) {
            assertFalse(worker.isAlive(), worker + " outlived close()");
        }
        Set<Long> descendants = new HashSet<>(
                ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
        workers.forEach(worker -> assertFalse(descendants.contains(worker.pid()), worker + " is still a descendant"));
        Set<String> leftOver = poolbenchThreadNames();
        leftOver.removeAll(threadsBefore);
        assertTrue(leftOver.isEmpty(), "threads left running: " + leftOver);
    }

    /** Platform threads this project started; virtual ones are counted by the pool itself above. */
    private static Set<String> poolbenchThreadNames() {
        Set<String> names = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("poolbench-"))
                .forEach(names::add);
        return names;
    }
}
