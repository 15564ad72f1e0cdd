package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Timeouts and cancellation stop the work itself, on every kind, and the pool keeps its strength. No
 * assertion here depends on the machine's speed: tasks that must not finish never do by themselves, and
 * tasks that must overlap wait for each other.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TimeoutsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void aTaskLoopingForeverFailsAtItsTimeoutAndThePoolThenRunsTwoTasksSideBySide(PoolKind kind) throws Exception {
        Path release = temp.resolve("release");
        try (WorkerPool pool = WorkerPool.open(kind, 2)) {
            pool.map(Tasks::square, List.of(1, 2)); // every worker up
            long start = System.nanoTime();
            CompletableFuture<Integer> spinning =
                    pool.submit(Tasks::spinUntil, release.toString(), Duration.ofSeconds(2));
            ExecutionException error = assertThrows(ExecutionException.class, () -> spinning.get(60, TimeUnit.SECONDS));
            System.out.printf(
                    "%s: a task looping forever under a 2 s timeout failed after %d ms%n",
                    kind, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            PoolTimeoutException timedOut = assertInstanceOf(PoolTimeoutException.class, error.getCause());
            String message = timedOut.getMessage();
            assertTrue(message.startsWith("input " + release + " did not finish within PT2S; "), message);
            if (kind == PoolKind.PROCESS) {
                // The task's thread comes first, whichever of the worker's two threads it is; its top frames
                // may be the JDK's (the spinner was caught inside Files.exists in a clean-clone run).
                assertTrue(
                        message.matches(
                                "(?s).*; its thread dump:\n\"[-\\w]+\" RUNNABLE\n(\tat [^\n]*\n)*?"
                                        + "\tat app//io\\.github\\.poolbench\\.pool\\.Tasks\\.spinUntil\\(Tasks\\.java:\\d+\\)\n.*"),
                        message);
                assertTrue(message.contains("\nThe pool killed worker "), message);
            } else {
                assertTrue(
                        message.endsWith(" was interrupted but the task ignored it and still runs; the pool carries on"
                                + " without that thread"),
                        message);
            }

            Path meeting = Files.createDirectory(temp.resolve("meeting"));
            CompletableFuture<Boolean> one = pool.submit(Tasks::meetThenSleep, meeting.toString());
            CompletableFuture<Boolean> two = pool.submit(Tasks::meetThenSleep, meeting.toString());
            assertEquals(
                    List.of(true, true),
                    List.of(one.get(90, TimeUnit.SECONDS), two.get(90, TimeUnit.SECONDS)),
                    "both 500 ms tasks started before either ended");
        } finally {
            Files.createFile(release); // lets a THREAD or VIRTUAL spinner go
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void aTaskThatHonoursTheInterruptEndsAndTheMessageSaysSo(PoolKind kind) throws Exception {
        try (WorkerPool pool = WorkerPool.open(kind, 1)) {
            pool.map(Tasks::square, List.of(1));
            // 2 s from submit: more than tenfold what a warm worker takes to start the task on a loaded
            // machine, so the thread dump always shows it running.
            CompletableFuture<Integer> sleeping = pool.submit(Tasks::sleepMillis, 600_000, Duration.ofSeconds(2));
            ExecutionException error = assertThrows(ExecutionException.class, () -> sleeping.get(60, TimeUnit.SECONDS));
            String message = error.getCause().getMessage();
            assertTrue(message.startsWith("input 600000 did not finish within PT2S; "), message);
            assertTrue(
                    kind == PoolKind.PROCESS
                            ? message.contains("\tat app//io.github.poolbench.pool.Tasks.sleepMillis(Tasks.java:")
                            : message.endsWith(" was interrupted, and the task ended"),
                    message);
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT), "the only worker is free again");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void cancelWithInterruptStopsARunningTaskAndFreesItsWorker(PoolKind kind) throws Exception {
        try (WorkerPool pool = WorkerPool.open(kind, 1)) {
            Path started = temp.resolve("started");
            CompletableFuture<Long> sleeping = pool.submit(Tasks::reportPidThenSleep, started.toString());
            awaitFile(started);
            assertTrue(sleeping.cancel(true));
            assertTrue(sleeping.isCancelled());
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT), "the only worker is free again");
        }
    }

    @ParameterizedTest
    @EnumSource(PoolKind.class)
    void mapStopsTheTasksItGaveUpOnAtItsTimeout(PoolKind kind) throws Exception {
        try (WorkerPool pool = WorkerPool.open(kind, 1)) {
            Path started = temp.resolve("started");
            PoolTimeoutException error = assertThrows(
                    PoolTimeoutException.class,
                    () -> pool.map(Tasks::reportPidThenSleep, List.of(started.toString()), Duration.ofMillis(300)));
            assertTrue(
                    error.getMessage().startsWith("map of 1 inputs did not finish within PT0.3S"), error.getMessage());
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT), "the only worker is free again");
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        for (int poll = 0; poll < 1200 && !Files.exists(file); poll++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), file + " never appeared");
    }
}
