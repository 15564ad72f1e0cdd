package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What only worker processes can do wrong: die, print, and refuse to (de)serialize. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProcessPoolTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void aWorkerKilledMidTaskFailsThatTaskWithItsExitStatusAndIsReplaced() throws Exception {
        try (ProcessWorkerPool pool = open(2, PoolOptions.defaults())) {
            Path pidFile = temp.resolve("victim.pid");
            CompletableFuture<Long> victim = pool.submit(Tasks::reportPidThenSleep, pidFile.toString());
            CompletableFuture<Integer> bystander = pool.submit(Tasks::sleepMillis, 500);
            long victimPid = Long.parseLong(awaitFile(pidFile));
            ProcessHandle.of(victimPid).orElseThrow().destroyForcibly(); // SIGKILL on Linux and macOS

            ExecutionException error = assertThrows(ExecutionException.class, () -> victim.get(30, TimeUnit.SECONDS));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, error.getCause());
            assertTrue(
                    died.getMessage()
                            .contains("(pid " + victimPid + ") died with exit status 137 (SIGKILL: killed from outside"
                                    + " the pool, often by the kernel's OOM killer when memory runs short (see dmesg))"
                                    + " while running input " + pidFile),
                    died.getMessage());
            assertEquals(List.of(137, WorkerDiedException.Reason.SIGNALLED), List.of(died.exitStatus(), died.reason()));

            assertEquals(500, bystander.get(30, TimeUnit.SECONDS), "the other worker's task is unaffected");
            assertPoolServesWithFreshWorkers(pool, 2, victimPid);
        }
    }

    static Stream<Arguments> waysAWorkerEndsItself() {
        Task<Integer, Integer> exitOn42 = Tasks::exitOn42;
        Task<Integer, Integer> exhaustMemory = Tasks::exhaustMemory;
        return Stream.of(
                Arguments.of(
                        "System.exit(42)",
                        exitOn42,
                        "-Xmx64m",
                        42,
                        WorkerDiedException.Reason.EXITED,
                        "died with exit status 42 while running input 42 (index 1); the pool has replaced it"),
                // Out of memory a worker may be in any state, so it ends: -XX:+ExitOnOutOfMemoryError, status 3.
                Arguments.of(
                        "out of memory",
                        exhaustMemory,
                        "-Xmx32m",
                        3,
                        WorkerDiedException.Reason.OUT_OF_MEMORY,
                        "died with exit status 3, out of memory (java.lang.OutOfMemoryError: Java heap space;"
                                + " -XX:+ExitOnOutOfMemoryError ended it): give workers more heap with"
                                + " PoolOptions.withWorkerJvmFlags(\"-Xmx...\"), or tasks less to hold while running"
                                + " input 1 (index 0); the pool has replaced it. Its last lines on stderr:\n"
                                + "Terminating due to java.lang.OutOfMemoryError: Java heap space"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysAWorkerEndsItself")
    void aWorkerThatEndsItselfMidTaskFailsThatTaskWithItsExitStatusAndIsReplaced(
            String how,
            Task<Integer, Integer> task,
            String heapFlag,
            int exitStatus,
            WorkerDiedException.Reason reason,
            String message) {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults().withWorkerJvmFlags(heapFlag))) {
            long before = pool.map(Tasks::pid, List.of(0)).getFirst();
            WorkerDiedException died =
                    assertThrows(WorkerDiedException.class, () -> pool.map(task, List.of(1, 42, 3), WAIT));
            assertEquals(List.of(exitStatus, reason), List.of(died.exitStatus(), died.reason()));
            assertTrue(died.getMessage().endsWith(message), died.getMessage());
            assertPoolServesWithFreshWorkers(pool, 1, before);
        }
    }

    @Test
    void whatReachesTheWorkersFileDescriptor1IsPlainOutputAndTheTaskSucceeds() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.ISO_8859_1));
            assertEquals(List.of(7), pool.map(Tasks::scribbleOnFileDescriptor1, List.of(7), WAIT));
            // Plain output travels beside the channel, so it may land a moment after the result.
            String printed = awaitOutput(out, "raw text from task 7");
            assertTrue(printed.contains("\u007f".repeat(64)), printed);
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT));
        } finally {
            System.setOut(originalOut);
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // the task runs sh
    void aParentWithASmallHeapSurvivesAChildProcessThatPrintsDigitsOnTheWorkersStdout() throws Exception {
        Jvm.Outcome outcome = Jvm.run(
                List.of(
                        Jvm.tool("java"),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        InheritIoParentMain.class.getName()),
                "",
                Duration.ofMinutes(2));
        // The child's line travels beside the channel, so it may come before or after the first result.
        String nl = System.lineSeparator();
        String digits = "0123456789012345678901234567890123456789\n";
        assertEquals(
                new Jvm.Outcome(0, "first [0]" + nl + "then [4, 9]" + nl, ""),
                new Jvm.Outcome(outcome.exitStatus(), outcome.out().replaceFirst(digits, ""), outcome.err()),
                outcome::toString);
        assertTrue(outcome.out().contains(digits), outcome::toString);
    }

    @Test
    void aJobSentAheadToABusyWorkerIsTakenBackByAFreeOne() throws Exception {
        try (ProcessWorkerPool pool = open(2, PoolOptions.defaults())) {
            pool.map(Tasks::pid, WorkerPoolTest.range(4), WAIT); // both workers up and warm
            CompletableFuture<Long> slow = pool.submit(Tasks::sleepThenPid, 5_000);
            CompletableFuture<Long> quick = pool.submit(Tasks::sleepThenPid, 50);
            // Both workers are busy: one of these is sent ahead to each, so one waits behind the slow task.
            CompletableFuture<Long> waiting1 = pool.submit(Tasks::sleepThenPid, 0);
            CompletableFuture<Long> waiting2 = pool.submit(Tasks::sleepThenPid, 0);
            long quickPid = quick.get(30, TimeUnit.SECONDS);
            List<Long> waitingPids = List.of(waiting1.get(30, TimeUnit.SECONDS), waiting2.get(30, TimeUnit.SECONDS));
            assertFalse(slow.isDone(), "the slow task still runs: nothing waited for it");
            assertEquals(List.of(quickPid, quickPid), waitingPids, "the free worker ran both");
            assertNotEquals(quickPid, (long) slow.get(30, TimeUnit.SECONDS));
        }
    }

    /**
     * A worker stopped mid-task (SIGSTOP) holds the job sent ahead to it; it misses its heartbeats, so the pool
     * kills it: its running task fails saying so, and every quick task completes on the other worker.
     */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // stopping a process takes a signal
    void aFrozenWorkerIsKilledAndTheJobsQueuedOnItRunElsewhere() throws Exception {
        try (ProcessWorkerPool pool = open(2, PoolOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(2)))) {
            pool.map(Tasks::pid, WorkerPoolTest.range(4), WAIT); // both workers up
            Path pidFile = temp.resolve("frozen.pid");
            CompletableFuture<Long> frozen = pool.submit(Tasks::reportPidThenSleep, pidFile.toString());
            long frozenPid = Long.parseLong(awaitFile(pidFile));
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(frozenPid))
                    .inheritIO()
                    .start();
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0, "SIGSTOP sent");
            List<CompletableFuture<Integer>> quick = WorkerPoolTest.range(6).stream()
                    .map(i -> pool.submit(Tasks::square, i))
                    .toList();
            List<Integer> squares = new java.util.ArrayList<>();
            for (CompletableFuture<Integer> task : quick) {
                squares.add(task.get(30, TimeUnit.SECONDS));
            }
            assertEquals(List.of(0, 1, 4, 9, 16, 25), squares);
            ExecutionException error = assertThrows(ExecutionException.class, () -> frozen.get(30, TimeUnit.SECONDS));
            WorkerDiedException died = assertInstanceOf(WorkerDiedException.class, error.getCause());
            assertEquals(WorkerDiedException.Reason.STOPPED_ANSWERING, died.reason());
            assertTrue(
                    died.getMessage()
                            .contains("(pid " + frozenPid + ") stopped answering while running input " + pidFile
                                    + ": nothing came from it, not even a heartbeat, for PT2S, so the pool killed it;"
                                    + " the pool has replaced it"),
                    died.getMessage());
        }
    }

    @Test
    void closeEndsEveryWorkerAndLeavesNoDescendant() {
        List<ProcessHandle> workers;
        ProcessWorkerPool pool = open(3, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(300)));
        try (pool) {
            workers = pool.workerHandles();
            assertEquals(3, workers.size());
            workers.forEach(worker -> assertTrue(worker.isAlive()));
            pool.submit(Tasks::sleepMillis, 600_000); // outlives the grace: killed
        }
        workers.forEach(worker -> assertFalse(worker.isAlive(), worker + " is alive"));
        Set<Long> descendants = new HashSet<>(
                ProcessHandle.current().descendants().map(ProcessHandle::pid).toList());
        workers.forEach(worker -> assertFalse(descendants.contains(worker.pid()), worker + " is still a descendant"));
        assertTrue(pool.workerHandles().isEmpty());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // stopping a process takes a signal
    void closeKillsAWorkerThatCannotEndByItself() throws Exception {
        List<ProcessHandle> workers;
        ProcessWorkerPool pool = open(2, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(200)));
        try (pool) {
            workers = pool.workerHandles();
            ProcessHandle stopped = workers.getFirst();
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(stopped.pid()))
                    .inheritIO()
                    .start();
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0, "SIGSTOP sent");
        } // a stopped worker reads no end of its socket: only a kill ends it
        workers.forEach(worker -> assertFalse(worker.isAlive(), worker + " is alive"));
    }

    @Test
    void whatTasksPrintReachesTheParentsCurrentStreamsBeforeTheirResults() {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ProcessWorkerPool pool = open(2, PoolOptions.defaults())) {
            System.setOut(new PrintStream(out, true, System.out.charset()));
            System.setErr(new PrintStream(err, true, System.err.charset()));
            List<String> inputs = List.of("plain", "ünïcødé ✓", "poolbnch"); // the last is the protocol's magic
            assertEquals(inputs, pool.map(Tasks::printAndEcho, inputs, WAIT));
            String printed = out.toString(System.out.charset());
            String printedErr = err.toString(System.err.charset());
            for (String input : inputs) {
                assertTrue(printed.contains("out: " + input + System.lineSeparator()), printed);
                assertTrue(printedErr.contains("err: " + input + System.lineSeparator()), printedErr);
            }
            assertEquals(3, printed.split("no newline, then a result", -1).length - 1, printed);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void bigInputsAndFloodsOfOutputCrossWithoutBlockingEitherSide() {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> inputs = WorkerPoolTest.range(24).stream()
                .map(i -> "x".repeat(200_000 + i))
                .toList();
        try (ProcessWorkerPool pool = open(2, PoolOptions.defaults())) {
            System.setOut(new PrintStream(out, true, System.out.charset()));
            List<Integer> lengths = pool.map(Tasks::printAll, inputs, WAIT);
            assertEquals(inputs.stream().map(String::length).toList(), lengths);
        } finally {
            System.setOut(originalOut);
        }
        assertEquals(
                inputs.stream()
                        .mapToInt(
                                input -> input.length() + System.lineSeparator().length())
                        .sum(),
                out.size(),
                "every character printed arrived once");
    }

    @Test
    void anInputThatCannotBeSerializedFailsAtOnceWithAClearError() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            Object unserializable = new Object() {
                @Override
                public String toString() {
                    return "the unserializable";
                }
            };
            SerializationFailedException error = assertThrows(
                    SerializationFailedException.class,
                    () -> pool.map(Tasks::describe, List.of("fine", unserializable), WAIT));
            assertTrue(
                    error.getMessage().contains("Cannot send input the unserializable (index 1) to a worker process"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("is not Serializable"), error.getMessage());
            assertEquals(List.of("still fine"), pool.map(Tasks::describe, List.of("still fine"), WAIT));
        }
    }

    @Test
    void aResultThatCannotBeSerializedFailsWithAClearError() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            SerializationFailedException error = assertThrows(
                    SerializationFailedException.class,
                    () -> pool.map(Tasks::returnUnserializable, List.of(1, 2), 2, WAIT));
            assertTrue(
                    error.getMessage().contains("The result for input 1 (index 0) cannot be sent back"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("NotSerializableException: java.lang.Object"), error.getMessage());
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT));
        }
    }

    @Test
    void aClassOffTheAllowListIsRefusedByTheWorkerAndByTheParent() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            SerializationFailedException workerRefused = assertThrows(
                    SerializationFailedException.class,
                    () -> pool.map(Tasks::describe, List.of(URI.create("https://example.org")), WAIT));
            assertTrue(workerRefused.getMessage().contains("could not read the task"), workerRefused.getMessage());
            assertTrue(workerRefused.getMessage().contains("java.net.URI"), workerRefused.getMessage());
            assertTrue(workerRefused.getMessage().contains("refused to deserialize"), workerRefused.getMessage());

            SerializationFailedException parentRefused = assertThrows(
                    SerializationFailedException.class,
                    () -> pool.map(Tasks::returnUri, List.of("https://example.org"), WAIT));
            assertTrue(
                    parentRefused.getMessage().contains("Cannot read the reply for input https://example.org"),
                    parentRefused.getMessage());
            assertTrue(
                    parentRefused.getMessage().contains("java.net.URI; refused to deserialize"),
                    parentRefused.getMessage());
        }
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults().withAllowedClasses("java.net.URI"))) {
            assertEquals(
                    List.of(URI.create("https://example.org")),
                    pool.map(Tasks::returnUri, List.of("https://example.org"), WAIT));
        }
    }

    @Test
    void aCallerMayChooseTheWorkersGarbageCollector() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults().withWorkerJvmFlags("-XX:+UseParallelGC"))) {
            assertEquals(List.of(4), pool.map(Tasks::square, List.of(2), WAIT));
            String[] arguments =
                    pool.workerHandles().getFirst().info().arguments().orElseThrow();
            assertTrue(List.of(arguments).contains("-XX:+UseParallelGC"));
            assertFalse(List.of(arguments).contains("-XX:+UseSerialGC"), "only the caller's collector");
        }
    }

    @Test
    void aWorkerThatCannotStartFailsOpenWithTheReason() {
        PoolException error = assertThrows(
                PoolException.class,
                () -> WorkerPool.open(
                        PoolKind.PROCESS, 2, PoolOptions.defaults().withWorkerJvmFlags("-XX:+NoSuchFlagAnywhere")));
        assertTrue(error.getMessage().contains("Could not start a PROCESS pool of 2 workers"), error.getMessage());
        assertTrue(error.getMessage().contains("before it answered the handshake"), error.getMessage());
    }

    /**
     * The worker has stack enough to write a graph 50,000 deep; read unchecked, that graph would overflow
     * the parent's reader thread (1 MB of stack) and leave the job unanswered until its timeout.
     */
    @Test
    void aResultNestedTooDeepFailsThatInputAndThePoolCarriesOn() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults().withWorkerJvmFlags("-Xss512m"))) {
            long before = pool.map(Tasks::pid, List.of(0)).getFirst();
            SerializationFailedException error = assertThrows(
                    SerializationFailedException.class, () -> pool.map(Tasks::nest, List.of(50_000), WAIT));
            assertTrue(
                    error.getMessage().startsWith("Cannot read the reply for input 50000 (index 0) from worker "),
                    error.getMessage());
            assertTrue(
                    error.getMessage()
                            .endsWith(": java.io.InvalidClassException: refused to deserialize a graph nested"
                                    + " deeper than 500 objects"),
                    error.getMessage());
            assertEquals(List.of(before), pool.map(Tasks::pid, List.of(1), WAIT), "the same worker serves on");
        }
    }

    @Test
    void aResultWhoseEncodingOverflowsTheWorkersStackFailsThatInputAndTheWorkerServesOn() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            long before = pool.map(Tasks::pid, List.of(0)).getFirst();
            SerializationFailedException error = assertThrows(
                    SerializationFailedException.class, () -> pool.map(Tasks::nest, List.of(1_000_000), WAIT));
            assertTrue(
                    error.getMessage()
                            .startsWith("The result for input 1000000 (index 0) cannot be sent back from worker "),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith(": java.lang.StackOverflowError"), error.getMessage());
            assertEquals(List.of(before), pool.map(Tasks::pid, List.of(1), WAIT), "the same worker serves on");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // stopping a process takes a signal
    void aStoppedWorkerThatReadsNothingStallsNeitherAMapPastItsTimeoutNorClose() throws Exception {
        ProcessWorkerPool pool = open(1, PoolOptions.defaults().withCloseGrace(Duration.ofMillis(200)));
        try (pool) {
            ProcessHandle worker = pool.workerHandles().getFirst();
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(worker.pid()))
                    .inheritIO()
                    .start();
            assertTrue(stop.waitFor(10, TimeUnit.SECONDS) && stop.exitValue() == 0, "SIGSTOP sent");
            // Far more than the socket holds: a caller that wrote these itself would block for good.
            List<String> inputs = WorkerPoolTest.range(64).stream()
                    .map(i -> "y".repeat(1 << 20))
                    .toList();
            PoolTimeoutException error = assertThrows(
                    PoolTimeoutException.class, () -> pool.map(Tasks::describe, inputs, Duration.ofSeconds(1)));
            assertTrue(
                    error.getMessage().startsWith("map of 64 inputs did not finish within PT1S"), error.getMessage());
        }
        assertTrue(pool.workerHandles().isEmpty());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // the task runs sleep
    void closeEndsTheProcessesThatTasksStarted() throws Exception {
        long sleeper;
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            sleeper = pool.map(Tasks::startSleeper, List.of(0), WAIT).getFirst();
            assertTrue(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false), "sleep 97 runs");
        }
        for (int poll = 0; poll < 200 && running(sleeper); poll++) {
            Thread.sleep(50);
        }
        assertFalse(running(sleeper), "sleep 97 (pid " + sleeper + ") outlived the pool");
    }

    /** A worker busy with one long task still sends its heartbeats: it is not taken for frozen. */
    @Test
    void aWorkerBusyPastTheHeartbeatTimeoutIsNotTakenForFrozen() {
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults().withHeartbeatTimeout(Duration.ofSeconds(1)))) {
            long before = pool.map(Tasks::pid, List.of(0), WAIT).getFirst();
            assertEquals(List.of(3_000), pool.map(Tasks::sleepMillis, List.of(3_000), WAIT));
            assertEquals(List.of(before), pool.map(Tasks::pid, List.of(1), WAIT), "the same worker serves on");
        }
    }

    /** A child a task started is orphaned when its worker is killed from outside; the pool still ends it. */
    @Test
    @EnabledOnOs(OS.LINUX) // found by /proc; macOS and Windows cannot (see ProcessTree)
    void aWorkerKilledFromOutsideLeavesNoProcessOfItsTasksBehind() throws Exception {
        long sleeper;
        try (ProcessWorkerPool pool = open(1, PoolOptions.defaults())) {
            long worker = pool.map(Tasks::pid, List.of(0), WAIT).getFirst();
            sleeper = pool.map(Tasks::startSleeper, List.of(0), WAIT).getFirst();
            assertTrue(running(sleeper), "sleep 97 runs");
            ProcessHandle victim = ProcessHandle.of(worker).orElseThrow();
            victim.destroyForcibly(); // SIGKILL: the worker cannot end its children
            assertTrue(victim.onExit().get(30, TimeUnit.SECONDS) != null, "the worker died");
        } // close() waits for the dead worker's reader, which is what ends the orphan
        for (int poll = 0; poll < 200 && running(sleeper); poll++) {
            Thread.sleep(50);
        }
        assertFalse(running(sleeper), "sleep 97 (pid " + sleeper + ") outlived its worker and the pool");
    }

    /** Alive and not a zombie waiting for init to reap it (see OrphanedWorkersTest). */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException | RuntimeException noProcfs) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private static ProcessWorkerPool open(int size, PoolOptions options) {
        return (ProcessWorkerPool) WorkerPool.open(PoolKind.PROCESS, size, options);
    }

    /** The pool runs tasks again, on {@code size} live workers of which none is the dead one. */
    private static void assertPoolServesWithFreshWorkers(ProcessWorkerPool pool, int size, long deadPid) {
        List<Long> pids = pool.map(Tasks::pid, WorkerPoolTest.range(4 * size), WAIT);
        assertFalse(pids.contains(deadPid), "a task ran on the dead worker " + deadPid + ": " + pids);
        List<ProcessHandle> workers = pool.workerHandles();
        assertEquals(size, workers.size(), "workers: " + workers);
        workers.forEach(worker -> assertTrue(worker.isAlive(), worker + " is dead"));
    }

    /** What was printed to {@code out} once it holds {@code expected}, waiting up to a minute. */
    static String awaitOutput(ByteArrayOutputStream out, String expected) throws InterruptedException {
        for (int attempt = 0;
                attempt < 1200 && !out.toString(StandardCharsets.ISO_8859_1).contains(expected);
                attempt++) {
            Thread.sleep(50);
        }
        String printed = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(printed.contains(expected), printed);
        return printed;
    }

    private static String awaitFile(Path file) throws InterruptedException, java.io.IOException {
        for (int attempt = 0; attempt < 600 && !Files.exists(file); attempt++) {
            Thread.sleep(50);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
