package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** maxTasksPerWorker replaces worker processes; an initializer runs in every worker first. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RecyclingTest {

    @Test
    void aWorkerIsReplacedAfterItsShareOfJobs() {
        try (ProcessWorkerPool pool = (ProcessWorkerPool)
                WorkerPool.open(PoolKind.PROCESS, 1, PoolOptions.defaults().withMaxTasksPerWorker(2))) {
            List<Long> pids = pool.map(Tasks::pid, WorkerPoolTest.range(6), 1);
            assertEquals(List.of(pids.get(0), pids.get(0), pids.get(2), pids.get(2), pids.get(4), pids.get(4)), pids);
            assertNotEquals(pids.get(0), pids.get(2));
            assertNotEquals(pids.get(2), pids.get(4));
            assertEquals(1, pool.workerHandles().size());
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void theInitializerRunsInEveryWorkerBeforeItsFirstTask(PoolKind kind) {
        Tasks.initialized = "not initialized"; // THREAD and VIRTUAL workers share this JVM
        try (WorkerPool pool = WorkerPool.open(kind, 2, PoolOptions.defaults().withInitializer(Tasks::initialize))) {
            assertEquals(
                    List.of("ready", "ready", "ready", "ready"), pool.map(Tasks::initialized, WorkerPoolTest.range(4)));
        }
    }

    @Test
    void aProcessPoolWhoseInitializerFailsDoesNotOpenAndSaysWhy() {
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS, 1, PoolOptions.defaults().withInitializer(Tasks::failToInitialize)));
        assertTrue(
                error.getMessage()
                        .startsWith("Could not start a PROCESS pool of 1 workers within PT1M: worker 0 (pid "),
                error.getMessage());
        assertTrue(
                error.getMessage()
                        .contains("): the pool's initializer failed: java.lang.IllegalStateException: no config;"),
                error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(
            value = PoolKind.class,
            names = {"THREAD", "VIRTUAL"})
    void onAThreadWhoseInitializerFailedEveryTaskFailsWithThatError(PoolKind kind) {
        try (WorkerPool pool =
                WorkerPool.open(kind, 1, PoolOptions.defaults().withInitializer(Tasks::failToInitialize))) {
            TaskFailedException error =
                    assertThrows(TaskFailedException.class, () -> pool.map(Tasks::square, List.of(1)));
            assertTrue(
                    error.getMessage().startsWith("The pool's initializer failed on poolbench-"), error.getMessage());
            assertTrue(
                    error.getMessage()
                            .endsWith(", so input 1 (index 0) did not run: java.lang.IllegalStateException: no config"),
                    error.getMessage());
        }
    }
}
