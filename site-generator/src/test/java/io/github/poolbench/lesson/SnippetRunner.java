package io.github.poolbench.lesson;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs a snippet in a child JVM and checks its output. A program ({@code file="Name.java"}) runs as a reader
 * runs it: in a fresh folder holding only its source and {@code poolbench-pool.jar}, through the source
 * launcher, {@code java --class-path poolbench-pool.jar Name.java}, with nothing else on the class path
 * unless it uses the lessons' workloads; a PROCESS pool in it must ship the program's in-memory classes
 * to its workers. Other run snippets run from their compiled classes. A child JVM, not this one,
 * because a snippet may open a PROCESS pool, whose workers start from the parent's classpath.
 */
final class SnippetRunner {

    private SnippetRunner() {}

    /**
     * Runs {@code compiled.mainClass()}; it must exit with 0 within the snippet's timeout and print
     * something that matches every {@code expect}.
     *
     * @return what the snippet printed (stdout and stderr together)
     * @throws SnippetFailure naming the snippet's first line
     */
    static String run(SnippetCompiler.Compiled compiled) {
        Snippet snippet = compiled.snippet();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (snippet.preview()) {
            command.add("--enable-preview");
        }
        Path log = compiled.classes().resolveSibling(compiled.classes().getFileName() + ".out");
        Path folder;
        if (snippet.kind() == Snippet.Kind.PROGRAM) {
            folder = reader(compiled);
            if (snippet.preview()) {
                command.addAll(
                        List.of("--source", String.valueOf(Runtime.version().feature())));
            }
            // The site's jar alone (the pool and the workloads), as a reader has it.
            command.addAll(List.of(
                    "--class-path", SnippetCompiler.POOL_JAR, snippet.file().orElseThrow()));
        } else {
            folder = compiled.classes();
            command.addAll(List.of(
                    "-cp",
                    compiled.classes() + File.pathSeparator + System.getProperty("java.class.path"),
                    compiled.mainClass()));
        }
        String output;
        try {
            Process process = new ProcessBuilder(command)
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(snippet.timeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new SnippetFailure(
                        snippet.location(),
                        "did not finish within " + snippet.timeoutSeconds()
                                + " s (raise it with timeout=\"…\" if that is expected)" + printed(output));
            }
            if (process.exitValue() != 0) {
                throw new SnippetFailure(
                        snippet.location(), "exited with status " + process.exitValue() + printed(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + snippet, e);
        }
        if (!snippet.shown().isEmpty()) {
            ShownOutput.mismatch(ShownOutput.expected(snippet), output).ifPresent(mismatch -> {
                throw new SnippetFailure(mismatch.at(), mismatch.message());
            });
        }
        for (String expect : snippet.expects()) {
            if (!Pattern.compile(expect, Pattern.MULTILINE).matcher(output).find()) {
                throw new SnippetFailure(
                        snippet.location(), "printed nothing that matches expect=\"" + expect + "\"" + printed(output));
            }
        }
        return output;
    }

    /** A fresh folder holding only the program's source file and the pool's jar, as a reader has them. */
    private static Path reader(SnippetCompiler.Compiled compiled) {
        try {
            Path folder = Files.createDirectories(
                    compiled.classes().resolveSibling(compiled.classes().getFileName() + "-reader"));
            Files.writeString(
                    folder.resolve(compiled.snippet().file().orElseThrow()), compiled.source(), StandardCharsets.UTF_8);
            Files.copy(
                    compiled.poolJar(),
                    folder.resolve(SnippetCompiler.POOL_JAR),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the program's source file", e);
        }
    }

    private static String printed(String output) {
        return output.isEmpty() ? " and printed nothing" : "; it printed:\n" + output.stripTrailing();
    }
}
