package io.github.poolbench.site;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.pool.WorkerPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The pool's jar as the site offers it for download, {@value #HREF}: what the first lessons' examples
 * need beside their source files. It is the pool this build runs with, wherever that sits: the
 * module's own jar when it is on the class path; a jar of its classes folder in a reactor build (the
 * tests); in the CLI's single jar, the jar the module's build left in the repository
 * ({@code benchmarks/pool/target}, which {@code ./poolbench} keeps fresh), failing that a jar of
 * the pool's classes taken out of it (without the module descriptor, which the single jar lacks,
 * so it works on the class path only).
 */
final class PoolJar {

    /** Where the jar lands in the site, relative to its root; lessons link to it. */
    static final String HREF = "downloads/poolbench-pool.jar";

    private static final String NAME = HREF.substring(HREF.lastIndexOf('/') + 1);
    private static final String PACKAGE = WorkerPool.class.getPackageName().replace('.', '/') + "/";
    /** Entries dated at a fixed instant, so that rebuilding the site leaves the jar byte for byte as it was. */
    private static final long EPOCH = 315_532_800_000L; // 1980-01-01, the earliest time a zip entry holds

    private PoolJar() {}

    /** Writes the jar to {@code site}/{@value #HREF}. */
    static void publish(Path site) {
        Path to = site.resolve(HREF);
        Path from = codeSource();
        try {
            Files.createDirectories(to.getParent());
            if (Files.isRegularFile(from) && from.getFileName().toString().equals(NAME)) {
                Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            Optional<Path> built = Optional.ofNullable(System.getProperty("poolbench.home"))
                    .map(home -> Path.of(home, "benchmarks", "pool", "target", NAME))
                    .filter(Files::isRegularFile);
            if (Files.isDirectory(from)) {
                try (Stream<Path> walk = Files.walk(from)) {
                    List<Path> files =
                            walk.filter(Files::isRegularFile).sorted().toList();
                    write(
                            to,
                            files.stream()
                                    .map(file ->
                                            from.relativize(file).toString().replace('\\', '/'))
                                    .toList(),
                            name -> Files.newInputStream(from.resolve(name)));
                }
            } else if (built.isPresent()) {
                Files.copy(built.get(), to, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (JarFile jar = new JarFile(from.toFile())) {
                    List<String> names = jar.stream()
                            .filter(e -> !e.isDirectory() && e.getName().startsWith(PACKAGE))
                            .map(JarEntry::getName)
                            .sorted()
                            .toList();
                    write(to, names, name -> jar.getInputStream(jar.getJarEntry(name)));
                }
            }
        } catch (IOException e) {
            throw new InputException(
                    Location.of(from), "cannot publish the pool's jar as " + HREF + ": " + e.getMessage(), e);
        }
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static void write(Path to, List<String> names, Opener opener) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(to);
                JarOutputStream jar = new JarOutputStream(file)) {
            JarEntry meta = new JarEntry(JarFile.MANIFEST_NAME);
            meta.setTime(EPOCH);
            jar.putNextEntry(meta);
            manifest.write(jar);
            jar.closeEntry();
            for (String name : names) {
                if (name.startsWith("META-INF/")) {
                    continue; // a classes folder has none; a jar's own manifest is replaced by the one above
                }
                JarEntry entry = new JarEntry(name);
                entry.setTime(EPOCH);
                jar.putNextEntry(entry);
                try (InputStream in = opener.open(name)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(WorkerPool.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the pool's classes have no file location", e);
        }
    }
}
