package io.github.poolbench.site;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jar the site offers for download, {@value #HREF}: the pool and the lessons' workloads
 * ({@code VersionFleet}, {@code Primes}, the naps), all an example needs beside its source file.
 * Both packages depend on the JDK alone. Their classes come from wherever this build runs them: a
 * classes folder in a reactor build (the tests), the module jars, or the CLI's single jar. The
 * workloads are found by their package's name on the class path, not through a class: the pages
 * link to no class of the suite, which only the commands that measure ({@code cli}) use. The jar
 * is for the class path: the pool's module descriptor is left out, since it would not describe the
 * workloads' package.
 */
public final class PoolJar {

    /** Where the jar lands in the site, relative to its root; lessons link to it. */
    public static final String HREF = "downloads/poolbench-pool.jar";

    /** The file name a reader saves it under. */
    public static final String NAME = HREF.substring(HREF.lastIndexOf('/') + 1);

    /** Entries dated at a fixed instant, so that rebuilding the site leaves the jar byte for byte as it was. */
    static final long EPOCH = 315_532_800_000L; // 1980-01-01, the earliest time a zip entry holds

    /** The packages the jar holds: the pool's (the library) and the lessons' workloads. */
    private static final List<String> PACKAGES =
            List.of(WorkerPool.class.getPackageName(), "io.github.poolbench.workload");

    private PoolJar() {}

    /** Writes the jar to {@code site}/{@value #HREF}. */
    static void publish(Path site) {
        Path to = site.resolve(HREF);
        try {
            Files.createDirectories(to.getParent());
            write(to);
        } catch (IOException e) {
            throw new InputException(
                    Location.of(to), "cannot publish the examples' jar as " + HREF + ": " + e.getMessage(), e);
        }
    }

    /** Writes the jar to {@code to}; the snippet tests run the lessons' programs with the same bytes. */
    public static void write(Path to) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        for (String member : PACKAGES) {
            String prefix = member.replace('.', '/') + "/";
            Path from = codeSource(prefix);
            if (Files.isDirectory(from)) {
                try (Stream<Path> walk = Files.walk(from.resolve(prefix))) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        entries.put(from.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(from.toFile())) {
                    for (JarEntry entry : jar.stream()
                            .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                            .toList()) {
                        try (var in = jar.getInputStream(entry)) {
                            entries.put(entry.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        writeJar(to, entries);
    }

    /** A jar of {@code entries} (name to bytes, in order) with a bare manifest, every entry at {@link #EPOCH}. */
    static void writeJar(Path to, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(to);
                JarOutputStream jar = new JarOutputStream(file)) {
            JarEntry meta = new JarEntry(JarFile.MANIFEST_NAME);
            meta.setTime(EPOCH);
            jar.putNextEntry(meta);
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                JarEntry next = new JarEntry(entry.getKey());
                next.setTime(EPOCH);
                jar.putNextEntry(next);
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
    }

    /**
     * The classes folder or jar that holds the package folder {@code prefix} (e.g. {@code
     * io/github/poolbench/workload/}) on this class path.
     */
    private static Path codeSource(String prefix) throws IOException {
        URL found = PoolJar.class.getClassLoader().getResource(prefix);
        if (found == null) {
            throw new IOException(prefix + " is not on the class path");
        }
        try {
            if (found.openConnection() instanceof JarURLConnection jar) {
                return Path.of(jar.getJarFileURL().toURI());
            }
            Path folder = Path.of(found.toURI());
            for (int i = 0; i < Path.of(prefix).getNameCount(); i++) {
                folder = folder.getParent();
            }
            return folder;
        } catch (URISyntaxException e) {
            throw new IOException(prefix + " has no file location", e);
        }
    }
}
