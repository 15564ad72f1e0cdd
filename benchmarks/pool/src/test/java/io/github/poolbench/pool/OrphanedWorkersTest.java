package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workers whose parent JVM is killed outright, with no chance to close its pool, end on their own. */
class OrphanedWorkersTest {

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void workersExitWhenTheirParentIsKilled() throws Exception {
        Process parent = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        OrphanParentMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<ProcessHandle> workers = List.of();
        try {
            BufferedReader lines = parent.inputReader();
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return lines.readLine();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .get(60, TimeUnit.SECONDS);
            assertTrue(line != null && line.startsWith("workers "), "the parent said: " + line);
            workers = Arrays.stream(line.substring("workers ".length()).split(" "))
                    .map(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .flatMap(Optional::stream)
                    .toList();
            assertEquals(2, workers.size(), "both workers were alive: " + line);

            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertTrue(parent.waitFor(30, TimeUnit.SECONDS), "the parent died");

            long start = System.nanoTime();
            for (int poll = 0; poll < 200 && workers.stream().anyMatch(OrphanedWorkersTest::running); poll++) {
                Thread.sleep(50); // at most 10 s: far above the 2 s a worker should take
            }
            List<ProcessHandle> survivors =
                    workers.stream().filter(OrphanedWorkersTest::running).toList();
            assertEquals(List.of(), survivors, "workers that outlived their parent");
            System.out.printf(
                    "orphaned workers exited %d ms after their parent died%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } finally {
            parent.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * Whether the process still runs. An orphan that exited stays a zombie until its new parent (init, or
     * here a sandbox's init that reaps lazily) collects it, and {@link ProcessHandle#isAlive()} counts
     * zombies as alive; where Linux's /proc tells the state, a zombie counts as ended.
     */
    private static boolean running(ProcessHandle process) {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2); // "pid (command) S ..."
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException noProcfs) {
            return process.isAlive();
        }
    }
}
