package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A PROCESS pool never starts more workers than the machine holds, and open() keeps to its start timeout. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StartLimitsTest {

    @Test
    void aPoolOverTheMachinesCapFailsAtOnceAndStartsNoWorker() throws Exception {
        Set<Long> before = workerPids();
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS, 10_000, PoolOptions.defaults().withStartTimeout(Duration.ofSeconds(20))));
        assertTrue(
                error.getMessage()
                        .startsWith("Could not start a PROCESS pool of 10000 workers: this machine holds at most "),
                error.getMessage());
        assertTrue(error.getMessage().endsWith(" (PoolOptions.withWorkerProcessCap sets another)"), error.getMessage());
        assertEquals(Set.of(), newWorkersStillRunning(before), "workers left behind");
    }

    @Test
    void anOverriddenCapIsHonoured() {
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS, 3, PoolOptions.defaults().withWorkerProcessCap(2)));
        assertEquals(
                "Could not start a PROCESS pool of 3 workers: the cap is 2 (PoolOptions.withWorkerProcessCap)",
                error.getMessage());
    }

    /** Under the cap, workers that never answer (an initializer that hangs) fail open at its timeout. */
    @Test
    void workersThatNeverAnswerFailOpenAtTheStartTimeoutAndNoneIsLeft() throws Exception {
        Set<Long> before = workerPids();
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS,
                        2,
                        PoolOptions.defaults()
                                .withStartTimeout(Duration.ofSeconds(2))
                                .withInitializer(Tasks::hang)));
        assertTrue(
                error.getMessage()
                        .startsWith(
                                "Could not start a PROCESS pool of 2 workers within PT2S: 2 of them had not answered"
                                        + " their handshake (a slow initializer? a machine too busy?); the command was "),
                error.getMessage());
        assertEquals(Set.of(), newWorkersStillRunning(before), "workers left behind");
    }

    static final String WORKER_MAIN = WorkerMain.class.getName();

    /** The worker JVMs this test JVM has started and that still run. */
    static Set<Long> workerPids() {
        return ProcessHandle.current()
                .children()
                .filter(child -> child.info()
                        .arguments()
                        .map(arguments -> List.of(arguments).contains(WORKER_MAIN)
                                || List.of(arguments).stream().anyMatch(arg -> arg.endsWith("/" + WORKER_MAIN)))
                        .orElse(false))
                .filter(child -> ProcessPoolTest.running(child.pid()))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Workers not in {@code before} still running, once they had ten seconds to go. */
    static Set<Long> newWorkersStillRunning(Set<Long> before) throws InterruptedException {
        Set<Long> left = Set.of();
        for (int poll = 0; poll < 200; poll++) {
            left = workerPids().stream().filter(pid -> !before.contains(pid)).collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        return left;
    }
}
