package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PoolOptions.spareWorkers: a worker started ahead takes a dead or recycled worker's place at once. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpareWorkerTest {

    @Test
    void afterAKillTheNextTaskRunsOnTheSpareAndCloseLeavesNoProcess() throws Exception {
        List<ProcessHandle> everyWorker = new ArrayList<>();
        try (ProcessWorkerPool pool = open(PoolOptions.defaults().withSpareWorkers(1))) {
            long serving = pool.map(Tasks::pid, List.of(0)).getFirst();
            ProcessHandle spare = awaitOne(pool::readySpareHandles);
            everyWorker.addAll(pool.workerHandles());
            assertEquals(2, everyWorker.size(), "one serving, one spare: " + everyWorker);

            ProcessHandle.of(serving).orElseThrow().destroyForcibly();
            assertTrue(ProcessHandle.of(serving).orElseThrow().onExit().get(30, TimeUnit.SECONDS) != null);
            assertEquals(List.of(spare.pid()), pool.map(Tasks::pid, List.of(0)), "the spare ran it");

            ProcessHandle nextSpare = awaitOne(pool::readySpareHandles);
            assertFalse(List.of(serving, spare.pid()).contains(nextSpare.pid()), "a fresh spare is started");
            everyWorker.addAll(pool.workerHandles());
        }
        for (ProcessHandle worker : everyWorker) {
            assertFalse(worker.isAlive(), worker + " outlived close()");
        }
    }

    @Test
    void aRecycledWorkersPlaceIsTakenByTheSpare() throws Exception {
        try (ProcessWorkerPool pool =
                open(PoolOptions.defaults().withSpareWorkers(1).withMaxTasksPerWorker(1))) {
            ProcessHandle spare = awaitOne(pool::readySpareHandles);
            long first = pool.map(Tasks::pid, List.of(0)).getFirst(); // its one job: it is recycled now
            assertFalse(first == spare.pid(), "the spare served nothing before");
            assertEquals(List.of(spare.pid()), pool.map(Tasks::pid, List.of(0)));
        }
    }

    private static ProcessHandle awaitOne(Supplier<List<ProcessHandle>> handles) throws InterruptedException {
        for (int attempt = 0; attempt < 1200 && handles.get().isEmpty(); attempt++) {
            Thread.sleep(50);
        }
        List<ProcessHandle> found = handles.get();
        assertEquals(1, found.size(), "spares: " + found);
        return found.getFirst();
    }

    private static ProcessWorkerPool open(PoolOptions options) {
        return (ProcessWorkerPool) WorkerPool.open(PoolKind.PROCESS, 1, options);
    }
}
