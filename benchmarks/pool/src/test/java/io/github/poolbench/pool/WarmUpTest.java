package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PoolOptions.warmUp: workers are warm when open returns, before any task. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WarmUpTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"THREAD, 3, 3", "VIRTUAL, 3, 1"})
    void onThreadsTheInitializerRunsAtOpen(PoolKind kind, int size, int runs) {
        Tasks.INITIALIZED.set(0);
        PoolOptions options = PoolOptions.defaults().withInitializer(Tasks::count);
        try (WorkerPool cold = WorkerPool.open(kind, size, options)) {
            assertEquals(0, Tasks.INITIALIZED.get(), "without warm-up, not before a task");
            assertEquals(List.of(4), cold.map(Tasks::square, List.of(2)));
        }
        Tasks.INITIALIZED.set(0);
        try (WorkerPool warm = WorkerPool.open(kind, size, options.withWarmUp(true))) {
            assertEquals(runs, Tasks.INITIALIZED.get(), "once per thread, at open");
            assertEquals(List.of(4), warm.map(Tasks::square, List.of(2)));
        }
    }

    @Test
    void aWorkerProcessLoadsTheNamedClassesBeforeOpenReturns() throws Exception {
        Path marker = temp.resolve("loaded");
        PoolOptions options = PoolOptions.defaults()
                .withWorkerJvmFlags("-Dpoolbench.test.marker=" + marker)
                .withWarmUp(WarmUpMarker.class.getName());
        try (ProcessWorkerPool pool = (ProcessWorkerPool) WorkerPool.open(PoolKind.PROCESS, 2, options)) {
            List<String> pids = Files.readAllLines(marker); // before any task
            List<String> workers = pool.workerHandles().stream()
                    .map(worker -> Long.toString(worker.pid()))
                    .sorted()
                    .toList();
            assertEquals(workers, pids.stream().sorted().toList());
        }
    }

    @Test
    void aWarmUpClassThatDoesNotExistFailsOpenAndSaysWhich() {
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS, 1, PoolOptions.defaults().withWarmUp("com.example.Missing")));
        assertTrue(
                error.getMessage()
                        .contains(
                                "): the pool's initializer or warm-up failed: java.lang.ClassNotFoundException: com.example.Missing"),
                error.getMessage());
    }
}
