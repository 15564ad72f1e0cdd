package io.github.poolbench.pool;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An AOT cache (JEP 483, 514, 515) for worker JVMs: the JDK and pool classes a worker loads, parsed and
 * linked ahead, with the profiles of a training run. A worker with it loads every class of its start and
 * first task from one mapped file instead of parsing about 150 (121 of the JDK's, 20 of the pool's).
 *
 * <p>Made on first use, in the background, so no one's cold run waits for it: the pool that finds no
 * cache starts its workers plainly and has one training worker record what it loads (a pool of one whose
 * worker is {@code -XX:AOTMode=record}), then a quiet {@code -XX:AOTMode=create} JVM assembles the file,
 * which is moved into place only when complete. Pools opened later use it. A program that ends before
 * that (a few seconds of background work) leaves nothing running: its shutdown ends the assembler, and
 * the training worker follows its parent as every worker does. Meanwhile its threads
 * ({@code poolbench-startup-cache}, and a pool's {@code poolbench-worker-…}) live in the program's JVM.
 *
 * <p>A JVM caches only classes from jars, so the worker's class path starts with a jar of the pool's
 * classes: the pool's own jar, or, when the pool runs from a folder, a copy in the cache folder; the
 * parent's class path follows unchanged. The file is named after a hash of the JDK, the workers' flags and
 * the pool's classes, so another JDK or a rebuild gets its own. Correctness never depends on it: anything
 * that goes wrong (no folder, an unwritable one, a failed training, a pool loaded as a named module) means
 * no cache, and a worker finds every class on the parent's class path anyway.
 *
 * <p>The folder is {@code -Dpoolbench.cacheDir}, else {@code $XDG_CACHE_HOME/poolbench}, else
 * {@code ~/.cache/poolbench}, made 0700 where the file system has POSIX permissions.
 *
 * <p>Off unless {@code -Dpoolbench.startupCache=true}: a program that ends within seconds (a lesson's
 * example, a script) ends before its training does, so every such run paid for a training worker and
 * never got a cache. Measured on the 2-core machine, quiet, five rounds alternating: open, map and close
 * on one worker took a median 261 ms with the cache on and 195 ms with it off.
 */
final class StartupCache {

    /**
     * How to start a worker: flags to add, the jar to put first on its class path (or null), whether that
     * jar is all of its class path (a training run's) or the parent's follows, and what goes before
     * {@code java} on the command line (a training's {@code nice}).
     */
    record Launch(List<String> flags, Path firstOnClassPath, boolean alone, List<String> prefix) {
        static final Launch PLAIN = new Launch(List.of(), null, false, List.of());
    }

    /**
     * {@code nice -n 19} where there is one: the training and the assembler yield the CPU to the
     * program's own work, so that its first pool is not slowed by the cache made for later ones.
     */
    private static final List<String> LOW_PRIORITY =
            Files.isExecutable(Path.of("/usr/bin/nice")) ? List.of("/usr/bin/nice", "-n", "19") : List.of();

    private static final String POOL_PACKAGE = WorkerMain.class.getPackageName().replace('.', '/');
    private static final int CACHES_KEPT = 4;
    /** The assembler's bound; it normally takes a second or two. */
    private static final Duration ASSEMBLY_LIMIT = Duration.ofMinutes(2);
    /** Cache files this JVM is making (one training each), by path. */
    private static final Map<Path, CompletableFuture<Path>> MAKING = new ConcurrentHashMap<>();
    /** Assemblers running now, ended at this JVM's shutdown. */
    private static final Set<Process> ASSEMBLERS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform()
                        .name("poolbench-startup-cache-cleanup")
                        .unstarted(() -> ASSEMBLERS.forEach(Process::destroyForcibly)));
    }

    private final Path folder;
    private final Path poolClasses;

    /** A cache in {@code folder} for the pool whose classes are at {@code poolClasses} (a jar or a folder). */
    StartupCache(Path folder, Path poolClasses) {
        this.folder = folder;
        this.poolClasses = poolClasses;
    }

    /** This JVM's cache, or null when it is turned off or the pool is a named module. */
    static StartupCache forThisJvm() {
        if (!Boolean.parseBoolean(System.getProperty("poolbench.startupCache", "false"))
                || WorkerMain.class.getModule().isNamed()) {
            return null; // a module path is resolved otherwise; not worth a second scheme
        }
        try {
            Path classes = Path.of(WorkerMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return new StartupCache(defaultFolder(), classes);
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static Path defaultFolder() {
        String configured = System.getProperty("poolbench.cacheDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("poolbench");
    }

    /**
     * The cache's launch if the cache exists; else a plain one, and (once per JVM and cache) a training
     * in the background for the pools that come later.
     */
    Launch plan(PoolOptions options) {
        try {
            String key = key(options.workerJvmFlags());
            Path cache = folder.resolve("worker-" + key + ".aot");
            Path jar = Files.isRegularFile(poolClasses) ? poolClasses : folder.resolve("worker-" + key + ".jar");
            if (Files.isRegularFile(cache) && Files.isRegularFile(jar)) {
                // Its messages must not reach the parent's stderr, should the JVM find it unusable.
                return new Launch(
                        List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off,cds=off:stderr"), jar, false, List.of());
            }
            MAKING.computeIfAbsent(cache, absent -> {
                CompletableFuture<Path> made = new CompletableFuture<>();
                Thread.ofPlatform()
                        .name("poolbench-startup-cache")
                        .daemon(true)
                        .start(() -> make(options, jar, cache, made));
                return made;
            });
        } catch (IOException | RuntimeException e) {
            // No cache then: it only ever makes start-up faster.
        }
        return Launch.PLAIN;
    }

    /** The cache being made for {@code flags}, if this JVM started making it; for tests. */
    CompletableFuture<Path> making(PoolOptions options) throws IOException {
        return MAKING.get(folder.resolve("worker-" + key(options.workerJvmFlags()) + ".aot"));
    }

    private void make(PoolOptions options, Path jar, Path cache, CompletableFuture<Path> made) {
        String unique = ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path config = folder.resolve(cache.getFileName() + "." + unique + ".conf.tmp");
        Path partial = folder.resolve(cache.getFileName() + "." + unique + ".tmp");
        try {
            makePrivateFolder(folder);
            pruneLeftovers();
            if (!Files.isRegularFile(jar)) {
                Path partialJar = folder.resolve(jar.getFileName() + "." + unique + ".tmp");
                writePoolJar(partialJar);
                Files.move(partialJar, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            train(options, jar, config);
            assemble(jar, config, partial);
            Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            pruneOldCaches();
        } catch (IOException | RuntimeException | Error e) {
            made.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            made.completeExceptionally(e);
        } finally {
            for (Path leftover : List.of(config, partial)) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException ignored) {
                    // a temporary file in a cache folder
                }
            }
            made.complete(cache); // no-op if it failed
        }
    }

    /** A real worker, its class path only the pool's jar, runs the first tasks of a pool and records them. */
    private static void train(PoolOptions options, Path jar, Path config) {
        PoolOptions training = options.withWarmUp(false)
                .withSpareWorkers(0)
                .withMaxTasksPerWorker(0)
                .withInitializer(null)
                .withStartTimeout(Duration.ofMinutes(1))
                .withCloseGrace(Duration.ofMinutes(1)); // the record is written at exit: let it finish
        Launch record = new Launch(
                List.of(
                        "-XX:AOTMode=record",
                        "-XX:AOTConfiguration=" + config,
                        "-Xlog:aot=off,cds=off:stderr",
                        // It says "AOTConfiguration recorded" on stdout at exit, not through logging.
                        "-XX:+UnlockDiagnosticVMOptions",
                        "-XX:-DisplayVMOutput"),
                jar,
                true,
                LOW_PRIORITY);
        try (ProcessWorkerPool pool = ProcessWorkerPool.start(1, training, record)) {
            List<Integer> inputs = IntStream.range(0, 10).boxed().toList();
            for (int round = 0; round < 20; round++) {
                pool.map(StartupCache::square, inputs);
            }
            int offset = inputs.size();
            pool.map(x -> x + offset, inputs); // a capturing lambda: the serialized path
            pool.map(x -> "text " + x, inputs);
        }
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("the training worker recorded nothing at " + config);
        }
    }

    static Integer square(Integer x) {
        return x * x;
    }

    private static void assemble(Path jar, Path config, Path partial) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(LOW_PRIORITY);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(
                "-XX:AOTMode=create",
                "-XX:AOTConfiguration=" + config,
                "-XX:AOTCache=" + partial,
                "-cp",
                jar.toString()));
        Process assembler = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        ASSEMBLERS.add(assembler);
        try {
            if (!assembler.waitFor(ASSEMBLY_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the AOT cache was not assembled within " + ASSEMBLY_LIMIT);
            }
            if (assembler.exitValue() != 0 || !Files.isRegularFile(partial)) {
                throw new IOException("assembling the AOT cache failed with exit status " + assembler.exitValue());
            }
        } finally {
            assembler.destroyForcibly();
            ASSEMBLERS.remove(assembler);
        }
    }

    /** Makes {@code folder} readable by this user alone, or refuses one that others may write to. */
    static void makePrivateFolder(Path folder) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            if (posix) {
                Files.createDirectory(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(folder);
            }
        }
        if (posix) {
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(folder));
            if (mode.charAt(4) == 'w' || mode.charAt(7) == 'w') {
                throw new IOException(folder + " may be written by other users (" + mode + "): not used");
            }
        }
    }

    /**
     * Keeps the {@value #CACHES_KEPT} newest caches (about 14 MB each), so that rebuild after rebuild or
     * flags after flags does not fill the disk.
     */
    private void pruneOldCaches() throws IOException {
        List<Path> caches;
        try (Stream<Path> files = Files.list(folder)) {
            caches = files.filter(file -> file.getFileName().toString().matches("worker-[0-9a-f]+\\.aot"))
                    .sorted(Comparator.comparing(StartupCache::lastModified).reversed())
                    .toList();
        }
        for (Path old : caches.subList(Math.min(CACHES_KEPT, caches.size()), caches.size())) {
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(old.getFileName().toString().replace(".aot", ".jar")));
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException gone) {
            return 0;
        }
    }

    /**
     * Removes what trainings cut short by their JVM's end left behind: at once when the JVM named in the
     * file's name ({@code ….<pid>-<nanos>….tmp}) is gone, else after an hour (a pid reused meanwhile). So the
     * folder holds at most one training's files per JVM alive, not one per program ever run.
     */
    void pruneLeftovers() throws IOException {
        long anHourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(file -> file.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                if (!ownerAlive(file.getFileName().toString())
                        || Files.getLastModifiedTime(file).toMillis() < anHourAgo) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Whether the JVM whose pid a temporary file's name holds still runs; true when the name holds none. */
    static boolean ownerAlive(String name) {
        java.util.regex.Matcher owner =
                java.util.regex.Pattern.compile("\\.(\\d+)-\\d+\\.").matcher(name);
        if (!owner.find()) {
            return true;
        }
        try {
            return ProcessHandle.of(Long.parseLong(owner.group(1)))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException tooLong) {
            return true;
        }
    }

    private String key(List<String> flags) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.home") + "\n" + Runtime.version() + "\n" + String.join("\n", flags))
                    .getBytes(StandardCharsets.UTF_8));
            if (Files.isRegularFile(poolClasses)) {
                // The JVM checks a cached jar's path, size and time, so all three are in the key.
                digest.update((poolClasses.toAbsolutePath() + "\n" + Files.getLastModifiedTime(poolClasses))
                        .getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(poolClasses));
            } else {
                for (Path file : poolClassFiles()) {
                    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private List<Path> poolClassFiles() throws IOException {
        try (Stream<Path> files = Files.list(poolClasses.resolve(POOL_PACKAGE))) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .sorted()
                    .toList();
        }
    }

    private void writePoolJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path file : poolClassFiles()) {
                out.putNextEntry(new JarEntry(POOL_PACKAGE + "/" + file.getFileName()));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
