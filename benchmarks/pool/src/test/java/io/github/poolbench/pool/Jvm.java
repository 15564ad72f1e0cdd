package io.github.poolbench.pool;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Compiles and runs programs in JVMs of their own, as a user of the pool's jar would. */
final class Jvm {

    /** How a program ended: its exit status and everything it printed. */
    record Outcome(int exitStatus, String out, String err) {
        @Override
        public String toString() {
            return "exit status " + exitStatus + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Jvm() {}

    /** The pool's own classes, and nothing else: {@code target/classes}, with its module-info. */
    static Path poolClasses() {
        try {
            return Path.of(WorkerPool.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The jar the build made, {@code target/poolbench-pool.jar}: the *IT tests run after {@code package}
     * and are told where it is by the {@code poolbench.pool.jar} property (see the module's pom).
     */
    static Path builtJar() {
        String property = System.getProperty("poolbench.pool.jar");
        if (property == null || !Files.isRegularFile(Path.of(property))) {
            throw new IllegalStateException("No built pool jar (poolbench.pool.jar = " + property
                    + "): run the *IT tests through ./mvnw verify, after package");
        }
        return Path.of(property);
    }

    /** {@code bin/<tool>} of the JDK this test runs on. */
    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Compiles sources into {@code out} against {@code options} (e.g. a class or module path), with javac. */
    static void compile(Path out, List<String> options, Path... sources) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool("javac"), "-d", out.toString()));
        command.addAll(options);
        for (Path source : sources) {
            command.add(source.toString());
        }
        Outcome outcome = run(command, "", Duration.ofMinutes(1));
        if (outcome.exitStatus() != 0) {
            throw new AssertionError("javac failed: " + command + "\n" + outcome);
        }
    }

    /** Runs {@code command} (with {@code stdin} fed to it) until it ends, killing it and its children past {@code limit}. */
    static Outcome run(List<String> command, String stdin, Duration limit) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("poolbench-jvm");
        try {
            Path in = Files.writeString(dir.resolve("in"), stdin, StandardCharsets.UTF_8);
            Path out = dir.resolve("out");
            Path err = dir.resolve("err");
            Process process = new ProcessBuilder(command)
                    .redirectInput(in.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("still running after " + limit + ": " + command + "\n" + Files.readString(out)
                        + "\n" + Files.readString(err));
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    static String path(Path... entries) {
        List<String> parts = new ArrayList<>();
        for (Path entry : entries) {
            parts.add(entry.toString());
        }
        return String.join(File.pathSeparator, parts);
    }
}
