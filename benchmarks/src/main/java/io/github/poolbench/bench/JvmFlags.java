package io.github.poolbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM flags every benchmark fork gets. They are defined once, as {@code poolbench.jvm.flags}
 * in the parent pom, which also hands them to the tests' JVMs, to Maven's own JVM and to the
 * {@code ./poolbench} launcher; the build copies them into this class's {@code jvm.flags}
 * resource. The suite passes them to JMH, which lets them replace any class's
 * {@code @Fork(jvmArgsAppend)}: no benchmark declares its own.
 */
final class JvmFlags {

    /** The flags, one per element, e.g. {@code --sun-misc-unsafe-memory-access=allow}. */
    static final List<String> FORKS = read();

    private JvmFlags() {}

    private static List<String> read() {
        try (InputStream in = JvmFlags.class.getResourceAsStream("jvm.flags")) {
            if (in == null) {
                throw new IllegalStateException("jvm.flags is missing from the class path: build with ./mvnw");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (text.contains("${")) {
                // Read from the sources, not from the build's copy: the pom's value was never filled in.
                throw new IllegalStateException("jvm.flags was not filtered by the build: " + text);
            }
            return text.isEmpty() ? List.of() : List.copyOf(Arrays.asList(text.split("\\s+")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read jvm.flags", e);
        }
    }
}
