package io.github.poolbench.pool;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * An AOT cache (JEP 483/514/515) for worker JVMs: the JDK and worker classes a worker loads, already
 * parsed and linked, with profiles for the JIT. Made on first use by a training run in the background, so
 * the first pools start plainly and later ones use it. Opt-in ({@link PoolOptions#startupCache()}): on this
 * project's workers it measured no saving, since a worker loads little beyond the JDK's default CDS
 * archive before its handshake, and a cache loads all it holds at start.
 *
 * <p>A JVM only caches classes from jars, and the parent's classpath often holds directories, so the
 * worker's own classes are copied into a small jar that goes first on the worker's classpath; the
 * parent's classpath follows unchanged. The cache file is named after a hash of the JDK, the flags and
 * those classes' bytes, so a rebuild or another JDK gets a cache of its own. Correctness never depends
 * on it: the JVM silently starts without a cache it cannot use, and a worker finds every class on the
 * parent's classpath anyway.
 *
 * <p>Its folder is {@code -Dpoolbench.cacheDir}, else {@code $XDG_CACHE_HOME/poolbench}, else
 * {@code ~/.cache/poolbench}; the four most recent caches are kept.
 */
final class StartupCache {

    /** The argument that makes {@link WorkerMain} do a training run. */
    static final String TRAIN = "--train-startup-cache";

    private static final List<Class<?>> WORKER_CLASSES = List.of(WorkerMain.class, Protocol.class,
            Protocol.Frame.class, AllowList.class, Values.class, ChunkRun.class, RemoteFailure.class,
            RemoteFailure.Stage.class, RemoteTaskException.class, Task.class, TaskCodec.class);
    private static final int CACHES_KEPT = 4;
    private static final Duration TRAINING_LIMIT = Duration.ofMinutes(2);
    /** Keys whose training this JVM has started: one run each. */
    private static final Set<String> TRAINING = ConcurrentHashMap.newKeySet();

    /** How to start a worker: extra flags (before the caller's) and the classpath. */
    record Launch(List<String> flags, String classpath) {
    }

    private StartupCache() {
    }

    /**
     * The cache's flags and classpath when it exists; else a plain launch, and a training run starts in
     * the background (once per JVM) for the pools that come later.
     */
    static Launch plan(String java, List<String> flags, String classpath) {
        try {
            Map<String, byte[]> classes = workerClassFiles();
            String key = key(java, flags, classes);
            Path directory = directory();
            Path jar = directory.resolve("worker-" + key + ".jar");
            Path cache = directory.resolve("worker-" + key + ".aot");
            if (Files.isRegularFile(cache) && Files.isRegularFile(jar)) {
                return new Launch(List.of("-XX:AOTCache=" + cache, "-Xlog:aot*=off:stderr", "-Xlog:cds*=off:stderr"),
                        jar + File.pathSeparator + classpath);
            }
            if (TRAINING.add(key)) {
                Thread.ofPlatform().name("poolbench-startup-cache-trainer").daemon(true)
                        .start(() -> train(java, flags, classes, directory, jar, cache));
            }
        } catch (IOException | RuntimeException e) {
            // No cache then: it only ever makes start-up faster.
        }
        return new Launch(List.of(), classpath);
    }

    private static void train(String java, List<String> flags, Map<String, byte[]> classes, Path directory,
            Path jar, Path cache) {
        String unique = ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path partialJar = directory.resolve(jar.getFileName() + "." + unique + ".tmp");
        Path partialCache = directory.resolve(cache.getFileName() + "." + unique + ".tmp");
        Process trainer = null;
        try {
            Files.createDirectories(directory);
            writeJar(partialJar, classes);
            Files.move(partialJar, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(flags);
            command.add("-XX:AOTCacheOutput=" + partialCache);
            command.addAll(List.of("-cp", jar.toString(), WorkerMain.class.getName(), TRAIN));
            trainer = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (trainer.waitFor(TRAINING_LIMIT.toMillis(), TimeUnit.MILLISECONDS) && trainer.exitValue() == 0
                    && Files.isRegularFile(partialCache)) {
                Files.move(partialCache, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                pruneOldCaches(directory);
            }
        } catch (IOException | RuntimeException e) {
            // No cache this time.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (trainer != null && trainer.isAlive()) {
                trainer.descendants().forEach(ProcessHandle::destroyForcibly);
                trainer.destroyForcibly();
            }
            for (Path leftover : List.of(partialJar, partialCache, Path.of(partialCache + ".config"))) {
                try {
                    Files.deleteIfExists(leftover);
                } catch (IOException ignored) {
                    // a temporary file in a cache folder
                }
            }
        }
    }

    static Path directory() {
        String configured = System.getProperty("poolbench.cacheDir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("poolbench");
    }

    /** The bytes of every worker-side class, nested and anonymous ones included, by jar entry name. */
    private static Map<String, byte[]> workerClassFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Class<?> type : WORKER_CLASSES) {
            String entry = type.getName().replace('.', '/');
            addClassFile(files, entry);
            for (Class<?> member : type.getDeclaredClasses()) {
                addClassFile(files, member.getName().replace('.', '/'));
            }
            for (int anonymous = 1; addClassFile(files, entry + "$" + anonymous); anonymous++) {
                continue;
            }
        }
        return files;
    }

    private static boolean addClassFile(Map<String, byte[]> files, String binaryPath) throws IOException {
        try (InputStream in = StartupCache.class.getResourceAsStream("/" + binaryPath + ".class")) {
            if (in == null) {
                return false;
            }
            files.put(binaryPath + ".class", in.readAllBytes());
            return true;
        }
    }

    private static String key(String java, List<String> flags, Map<String, byte[]> classes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((java + "\n" + Runtime.version() + "\n" + String.join("\n", flags)).getBytes(StandardCharsets.UTF_8));
            classes.forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void writeJar(Path jar, Map<String, byte[]> classes) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> file : classes.entrySet()) {
                out.putNextEntry(new JarEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
    }

    /**
     * Keeps the newest caches, so that rebuild after rebuild does not fill the disk, and removes what
     * training runs cut short (their JVM ended with the parent's) left an hour or more ago.
     */
    private static void pruneOldCaches(Path directory) throws IOException {
        long anHourAgo = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(file -> lastModified(file) < anHourAgo).toList()) {
                String name = file.getFileName().toString();
                boolean jarWithoutCache = name.endsWith(".jar")
                        && !Files.exists(file.resolveSibling(name.replace(".jar", ".aot")));
                if (name.contains(".tmp") || jarWithoutCache) {
                    Files.deleteIfExists(file);
                }
            }
        }
        List<Path> caches;
        try (Stream<Path> files = Files.list(directory)) {
            caches = files.filter(file -> file.getFileName().toString().matches("worker-[0-9a-f]+\\.aot"))
                    .sorted(Comparator.comparing(StartupCache::lastModified).reversed())
                    .toList();
        }
        for (Path old : caches.subList(Math.min(CACHES_KEPT, caches.size()), caches.size())) {
            String name = old.getFileName().toString();
            Files.deleteIfExists(old);
            Files.deleteIfExists(old.resolveSibling(name.replace(".aot", ".jar")));
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
