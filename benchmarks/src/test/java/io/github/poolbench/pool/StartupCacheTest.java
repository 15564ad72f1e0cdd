package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache is made on first use, used afterwards, and a broken one changes nothing but speed. */
class StartupCacheTest {

    @TempDir
    Path cacheDir;
    private String previousCacheDir;

    @BeforeEach
    void useATemporaryCacheFolder() {
        previousCacheDir = System.setProperty("poolbench.cacheDir", cacheDir.toString());
    }

    @AfterEach
    void restoreTheCacheFolder() {
        if (previousCacheDir == null) {
            System.clearProperty("poolbench.cacheDir");
        } else {
            System.setProperty("poolbench.cacheDir", previousCacheDir);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aCacheIsTrainedOnFirstUseThenUsedAndABrokenOneIsIgnored() throws Exception {
        // The key covers the flags, so this test's cache is its own even where a shared one exists.
        PoolOptions options = PoolOptions.defaults().withStartupCache(true)
                .withWorkerJvmFlags("-Dpoolbench.test=" + System.nanoTime());
        try (ProcessWorkerPool first = open(options)) {
            assertFalse(usesCache(first), "no cache yet: a plain start");
            assertEquals(List.of(1, 4), first.map(Tasks::square, List.of(1, 2)));
        }
        Path cache = awaitCacheFile();

        try (ProcessWorkerPool second = open(options)) {
            assertTrue(usesCache(second), "the second pool's workers start from " + cache);
            assertEquals(List.of(9, 16), second.map(Tasks::square, List.of(3, 4)));
        }

        Files.write(cache, new byte[] {1, 2, 3}); // broken: the JVM must quietly start without it
        try (ProcessWorkerPool broken = open(options)) {
            assertTrue(usesCache(broken));
            assertEquals(List.of(25), broken.map(Tasks::square, List.of(5)));
        }
    }

    @Test
    void offByDefaultMeansNoCacheAndNoTraining() throws Exception {
        assertFalse(PoolOptions.defaults().startupCache());
        try (ProcessWorkerPool pool = open(PoolOptions.defaults())) {
            assertFalse(usesCache(pool));
            assertEquals(List.of(36), pool.map(Tasks::square, List.of(6)));
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertEquals(List.of(), files.toList());
        }
    }

    private static ProcessWorkerPool open(PoolOptions options) {
        return (ProcessWorkerPool) WorkerPool.open(PoolKind.PROCESS, 1, options);
    }

    private static boolean usesCache(ProcessWorkerPool pool) {
        String[] arguments = pool.workerHandles().getFirst().info().arguments().orElseThrow();
        return Stream.of(arguments).anyMatch(argument -> argument.startsWith("-XX:AOTCache="));
    }

    private Path awaitCacheFile() throws Exception {
        for (int poll = 0; poll < 1200; poll++) { // two minutes at most
            try (Stream<Path> files = Files.list(cacheDir)) {
                List<Path> all = files.toList();
                List<Path> caches = all.stream().filter(file -> file.toString().endsWith(".aot")).toList();
                // Done once the trainer has also cleaned up after itself.
                if (!caches.isEmpty() && all.stream().noneMatch(file -> file.toString().contains(".tmp"))) {
                    return caches.getFirst();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no cache appeared in " + cacheDir);
    }
}
