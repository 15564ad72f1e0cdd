package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar the build ships, {@code target/poolbench-pool.jar}, is the whole library: alone on a class
 * path it runs a program on every kind of pool, and as a module it needs nothing but {@code java.base}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BuiltJarIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path temp;

    @Test
    void withTheJarAloneOnTheClassPathAProgramMapsOnEveryKind() throws Exception {
        // Launched from source, so that the class path holds the jar and nothing else.
        Path source = Files.writeString(temp.resolve("Main.java"), """
                import io.github.poolbench.pool.PoolKind;
                import io.github.poolbench.pool.WorkerPool;
                import java.util.List;

                class Main {
                    static long cube(int x) {
                        return (long) x * x * x;
                    }

                    public static void main(String[] args) {
                        System.out.println(System.getProperty("java.class.path"));
                        for (PoolKind kind : PoolKind.values()) {
                            try (WorkerPool pool = WorkerPool.open(kind, 2)) {
                                System.out.println(kind + " " + pool.map(x -> x * x, List.of(1, 2, 3))
                                        + " " + pool.map(Main::cube, List.of(1, 2, 3)));
                            }
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Path jar = Jvm.builtJar();
        Jvm.Outcome outcome =
                Jvm.run(List.of(Jvm.tool("java"), "--class-path", jar.toString(), source.toString()), "", LIMIT);
        String nl = System.lineSeparator();
        assertEquals(
                new Jvm.Outcome(
                        0,
                        jar + nl + "PROCESS [1, 4, 9] [1, 8, 27]" + nl + "THREAD [1, 4, 9] [1, 8, 27]" + nl
                                + "VIRTUAL [1, 4, 9] [1, 8, 27]" + nl,
                        ""),
                outcome);
    }

    @Test
    void theJarIsAModuleThatExportsItsApiAndRequiresOnlyJavaBase() throws Exception {
        Path jar = Jvm.builtJar();
        Jvm.Outcome described = Jvm.run(
                List.of(
                        Jvm.tool("java"),
                        "--module-path",
                        jar.toString(),
                        "--describe-module",
                        "io.github.poolbench.pool"),
                "",
                LIMIT);
        List<String> lines =
                described.out().lines().filter(line -> !line.isBlank()).toList();
        assertEquals(
                List.of("exports io.github.poolbench.pool", "requires java.base mandated"),
                lines.subList(1, lines.size()),
                described::toString);

        try (JarFile file = new JarFile(jar.toFile())) {
            assertNull(file.getManifest().getMainAttributes().getValue("Class-Path"), "no class path of its own");
            List<String> foreign = file.stream()
                    .map(JarEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/")
                            && !name.startsWith("io/github/poolbench/pool/")
                            && !name.equals("module-info.class")
                            && !name.equals("io/")
                            && !name.equals("io/github/")
                            && !name.equals("io/github/poolbench/"))
                    .toList();
            assertEquals(List.of(), foreign, "nothing but the pool's own classes");
            assertTrue(file.getEntry("io/github/poolbench/pool/WorkerMain.class") != null, "the worker's main class");
        }
    }
}
