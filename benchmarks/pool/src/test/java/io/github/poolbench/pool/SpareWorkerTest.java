package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** PoolOptions.spareWorkers: a worker started ahead takes a dead or recycled worker's place at once. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SpareWorkerTest {

    @TempDir
    Path temp;

    @Test
    void afterAKillTheNextTaskRunsOnTheSpareAndCloseLeavesNoProcess() throws Exception {
        List<ProcessHandle> everyWorker = new ArrayList<>();
        try (ProcessWorkerPool pool = open(PoolOptions.defaults().withSpareWorkers(1))) {
            Path pidFile = temp.resolve("victim.pid");
            CompletableFuture<Long> victim = pool.submit(Tasks::reportPidThenSleep, pidFile.toString());
            for (int attempt = 0; attempt < 1200 && !Files.exists(pidFile); attempt++) {
                Thread.sleep(50);
            }
            long serving = Long.parseLong(Files.readString(pidFile));
            ProcessHandle spare = awaitOne(pool::readySpareHandles);
            everyWorker.addAll(pool.workerHandles());
            assertEquals(2, everyWorker.size(), "one serving, one spare: " + everyWorker);

            ProcessHandle.of(serving).orElseThrow().destroyForcibly();
            ExecutionException died = assertThrows(ExecutionException.class, () -> victim.get(30, TimeUnit.SECONDS));
            assertInstanceOf(WorkerDiedException.class, died.getCause()); // the pool has noticed
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
