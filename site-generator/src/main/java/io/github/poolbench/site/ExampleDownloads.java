package io.github.poolbench.site;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.lesson.Examples;
import io.github.poolbench.lesson.Lesson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The lessons' programs as a reader downloads them: each lesson's under
 * {@code examples/<lesson>/Name.java}, and all of them with the jar in one zip, {@value #HREF}, whose
 * single folder is ready to run in: every page's command works there as it stands. That needs
 * every program of the site to have a name of its own, which is checked here.
 */
final class ExampleDownloads {

    /** Where the zip lands in the site, relative to its root. */
    static final String HREF = "downloads/poolbench-examples.zip";

    /** The folder the zip unpacks into. */
    static final String FOLDER = "poolbench-examples";

    private final Map<String, Examples.Example> all = new LinkedHashMap<>();

    /** Writes {@code lesson}'s programs into the site and returns them, in page order. */
    List<Examples.Example> add(Lesson lesson, Path site, Diagnostics diagnostics) {
        List<Examples.Example> examples;
        try {
            examples = Examples.of(lesson);
        } catch (InputException e) {
            e.errors().forEach(diagnostics::add);
            return List.of();
        }
        for (Examples.Example example : examples) {
            Examples.Example before = all.putIfAbsent(example.file(), example);
            if (before != null) {
                diagnostics.error(
                        example.location(),
                        "a program saved as " + example.file() + " already stands at " + before.location()
                                + ": the examples share one folder in " + HREF);
                continue;
            }
            write(
                    site.resolve("examples").resolve(Examples.folder(lesson)).resolve(example.file()),
                    example.source().getBytes(StandardCharsets.UTF_8));
        }
        return examples;
    }

    /** Writes the zip of every program added and the jar {@link PoolJar} published into {@code site}. */
    void publish(Path site, Diagnostics diagnostics) {
        Path to = site.resolve(HREF);
        try {
            Files.createDirectories(to.getParent());
            try (OutputStream file = Files.newOutputStream(to);
                    ZipOutputStream zip = new ZipOutputStream(file)) {
                entry(zip, FOLDER + "/" + PoolJar.NAME, Files.readAllBytes(site.resolve(PoolJar.HREF)));
                for (Examples.Example example : all.values().stream()
                        .sorted(java.util.Comparator.comparing(Examples.Example::file))
                        .toList()) {
                    entry(zip, FOLDER + "/" + example.file(), example.source().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            diagnostics.error(Location.of(to), "cannot write the examples' zip: " + e.getMessage());
        }
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(PoolJar.EPOCH); // a rebuild leaves the zip byte for byte as it was
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot write: " + e.getMessage(), e);
        }
    }
}
