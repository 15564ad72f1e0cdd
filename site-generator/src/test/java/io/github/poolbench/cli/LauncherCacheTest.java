package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code poolbench} launcher's AOT cache for {@code build}, run as a real process on a checkout
 * that holds the launcher, its JDK finder and the parent pom, with a small program as the jar: the
 * cache is made on first use, remade when the jar changes, and never stops a run.
 */
class LauncherCacheTest {

    private static final String PROGRAM = """
            public class Main {
                public static void main(String[] args) {
                    System.out.println("ran " + String.join(" ", args));
                    System.exit(args.length > 1 && args[1].equals("fail") ? 3 : 0);
                }
            }
            """;

    @TempDir
    Path checkout;

    private Path jar;
    private Path cache;

    @BeforeEach
    void checkout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script");
        Path root = Fixtures.repoRoot();
        Files.copy(root.resolve("poolbench"), checkout.resolve("poolbench"));
        Files.createDirectories(checkout.resolve(".mvn"));
        Files.copy(root.resolve(".mvn/java-home.sh"), checkout.resolve(".mvn/java-home.sh"));
        Files.copy(root.resolve("pom.xml"), checkout.resolve("pom.xml"));
        // older than the jar, so that the launcher finds nothing to rebuild
        Files.setLastModifiedTime(
                checkout.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        jar = checkout.resolve("site-generator/target/poolbench.jar");
        cache = checkout.resolve("site-generator/target/poolbench.aot");
        makeJar("ran ");
    }

    @Test
    void theFirstBuildMakesTheCacheAndLaterBuildsKeepIt() throws IOException {
        assertEquals(List.of(0, "ran build one", ""), launch("build", "one"));
        assertTrue(Files.size(cache) > 0, "the cache was made");
        FileTime made = Files.getLastModifiedTime(cache);

        assertEquals(List.of(0, "ran build two", ""), launch("build", "two"));
        assertEquals(made, Files.getLastModifiedTime(cache), "the second build used the cache as it was");
        assertEquals(List.of(cache), leftovers(), "no half-written cache is left behind");
    }

    @Test
    void aNewJarRemakesTheCache() throws IOException {
        launch("build", "one");
        makeJar("now ");
        assertTrue(
                Files.getLastModifiedTime(jar).compareTo(Files.getLastModifiedTime(cache)) > 0,
                "the jar is newer than the cache");

        assertEquals(List.of(0, "now build two", ""), launch("build", "two"));
        assertTrue(
                Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the cache is newer than the jar");
    }

    @Test
    void aDamagedCacheStillBuilds() throws IOException {
        Files.writeString(cache, "not a cache");
        Files.setLastModifiedTime(
                cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().plusSeconds(1)));

        assertEquals(List.of(0, "ran build one", ""), launch("build", "one"));
    }

    @Test
    void theFirstBuildKeepsTheProgramsExitCode() throws IOException {
        assertEquals(List.of(3, "ran build fail", ""), launch("build", "fail"));
    }

    @Test
    void anotherCommandMakesNoCache() throws IOException {
        assertEquals(List.of(0, "ran report", ""), launch("report"));
        assertTrue(!Files.exists(cache), "only build makes the cache");
    }

    /** Exit code, stdout and stderr (each stripped) of one run of the launcher. */
    private List<Object> launch(String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(
                        Stream.of("/bin/bash", checkout.resolve("poolbench").toString()), Stream.of(args))
                .toList());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.redirectOutput(checkout.resolve("out.txt").toFile())
                .redirectError(checkout.resolve("err.txt").toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not end within 2 minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return List.of(
                process.exitValue(),
                Files.readString(checkout.resolve("out.txt")).strip(),
                Files.readString(checkout.resolve("err.txt")).strip());
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(cache.getParent())) {
            return files.filter(file -> file.getFileName().toString().startsWith("poolbench.aot"))
                    .toList();
        }
    }

    /** The jar: a program that prints {@code word} and its arguments, and exits with 3 when the second is {@code fail}. */
    private void makeJar(String word) throws IOException {
        Path sources = Files.createDirectories(checkout.resolve("program"));
        Path classes = Files.createDirectories(checkout.resolve("classes"));
        Files.writeString(
                sources.resolve("Main.java"), PROGRAM.replace("\"ran \"", "\"" + word + "\""), StandardCharsets.UTF_8);
        assertEquals(
                0,
                javax.tools.ToolProvider.getSystemJavaCompiler()
                        .run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                sources.resolve("Main.java").toString()),
                "the program compiles");
        Files.createDirectories(jar.getParent());
        Files.deleteIfExists(jar);
        ToolProvider tool = ToolProvider.findFirst("jar")
                .orElseThrow(() -> new UncheckedIOException(new IOException("no jar tool")));
        assertEquals(
                0,
                tool.run(
                        System.out,
                        System.err,
                        "--create",
                        "--file",
                        jar.toString(),
                        "--main-class",
                        "Main",
                        "-C",
                        classes.toString(),
                        "."),
                "the jar is made");
    }
}
