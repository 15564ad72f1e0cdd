package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The workers' AOT cache: made in the background, then used; anything wrong with it leaves a plain start. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StartupCacheTest {

    @TempDir
    Path temp;

    /** Options of a key of their own, so that no other test's cache is found. */
    private static PoolOptions uniqueOptions() {
        return PoolOptions.defaults().withWorkerJvmFlags("-Dpoolbench.test.key=" + System.nanoTime());
    }

    @Test
    void aCacheFolderThatCannotBeMadeLeavesAPlainStartThatWorks() throws Exception {
        Path fileInTheWay = Files.writeString(temp.resolve("not-a-folder"), "x");
        StartupCache cache = new StartupCache(fileInTheWay.resolve("poolbench"), Jvm.poolClasses());
        PoolOptions options = uniqueOptions();

        StartupCache.Launch launch = cache.plan(options);
        assertEquals(StartupCache.Launch.PLAIN, launch);
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(2, options, launch)) {
            assertEquals(List.of(1, 4, 9), pool.map(Tasks::square, List.of(1, 2, 3)));
        }
        ExecutionException failed = assertThrows(
                ExecutionException.class, () -> cache.making(options).get(1, TimeUnit.MINUTES));
        assertInstanceOf(IOException.class, failed.getCause());
        assertEquals(StartupCache.Launch.PLAIN, cache.plan(options), "still no cache: a plain start again");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aFolderOtherUsersMayWriteToIsNotUsed() throws Exception {
        Path shared = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        StartupCache cache = new StartupCache(shared, Jvm.poolClasses());
        PoolOptions options = uniqueOptions();

        assertEquals(StartupCache.Launch.PLAIN, cache.plan(options));
        ExecutionException refused = assertThrows(
                ExecutionException.class, () -> cache.making(options).get(1, TimeUnit.MINUTES));
        assertEquals(
                shared + " may be written by other users (rwxrwxrwx): not used",
                refused.getCause().getMessage());
        try (var files = Files.list(shared)) {
            assertEquals(List.of(), files.toList(), "nothing written there");
        }
    }

    @Test
    void aCacheIsMadeInTheBackgroundThenUsedAndABrokenOneIsIgnoredQuietly() throws Exception {
        Path folder = temp.resolve("cache").resolve("poolbench");
        StartupCache cache = new StartupCache(folder, Jvm.poolClasses());
        PoolOptions options = uniqueOptions();
        StartupCache.makePrivateFolder(folder);
        for (int i = 1; i <= 4; i++) { // older caches, of earlier builds: the oldest is to go
            for (String ending : List.of(".aot", ".jar")) {
                Path old = Files.writeString(folder.resolve("worker-000000000000000" + i + ending), "old");
                Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - (10 - i) * 60_000L));
            }
        }

        assertEquals(StartupCache.Launch.PLAIN, cache.plan(options), "no cache yet: a plain start");
        Path made = cache.making(options).get(3, TimeUnit.MINUTES);
        if (!System.getProperty("os.name").startsWith("Windows")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        }
        try (var files = Files.list(folder)) {
            List<String> names =
                    files.map(file -> file.getFileName().toString()).sorted().toList();
            String key = made.getFileName().toString().replace(".aot", "");
            assertEquals(
                    List.of(
                                    "worker-0000000000000002.aot",
                                    "worker-0000000000000002.jar",
                                    "worker-0000000000000003.aot",
                                    "worker-0000000000000003.jar",
                                    "worker-0000000000000004.aot",
                                    "worker-0000000000000004.jar",
                                    key + ".aot",
                                    key + ".jar")
                            .stream()
                            .sorted()
                            .toList(),
                    names,
                    "the four newest caches, each with its jar of the pool's classes, and no leftovers");
        }

        StartupCache.Launch launch = cache.plan(options);
        assertEquals("-XX:AOTCache=" + made, launch.flags().getFirst());
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(1, options, launch)) {
            assertEquals(List.of(1, 4, 9), pool.map(Tasks::square, List.of(1, 2, 3)));
            List<String> arguments =
                    List.of(pool.workerHandles().getFirst().info().arguments().orElseThrow());
            assertTrue(arguments.contains("-XX:AOTCache=" + made), arguments.toString());
            // A JVM that cannot map its cache runs without any archive, not even the JDK's own.
            assertTrue(pool.map(Tasks::vmInfo, List.of(0)).getFirst().contains("sharing"), "the cache was mapped");
        }

        Files.writeString(made, "not an AOT cache");
        PrintStream realErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(1, options, cache.plan(options))) {
            assertEquals(List.of(1, 4, 9), pool.map(Tasks::square, List.of(1, 2, 3)));
            assertFalse(pool.map(Tasks::vmInfo, List.of(0)).getFirst().contains("sharing"), "the broken cache is off");
        } finally {
            System.setErr(realErr);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8), "the JVM's complaint stays off the parent's stderr");
    }

    @Test
    void leftoversOfATrainingWhoseJvmIsGoneArePrunedAtOnce() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("cache"));
        Process gone = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(gone.waitFor(1, TimeUnit.MINUTES), "java -version ended");
        Path stale = Files.writeString(folder.resolve("worker-ab.aot." + gone.pid() + "-1.conf.tmp"), "x");
        Path live = Files.writeString(
                folder.resolve("worker-ab.aot." + ProcessHandle.current().pid() + "-2.conf.tmp"), "x");

        new StartupCache(folder, Jvm.poolClasses()).pruneLeftovers();

        assertFalse(Files.exists(stale), "a training cut short by its JVM's end leaves nothing for long");
        assertTrue(Files.exists(live), "a training under way keeps its files");
    }
}
