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
 * Runs a compiled snippet in a child JVM, as a reader would run it, and checks its output. A child JVM,
 * not this one, because a snippet may open a PROCESS pool: its worker JVMs start from the parent's
 * classpath, which must therefore hold the snippet's own classes.
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
        command.addAll(List.of("-cp", compiled.classes() + File.pathSeparator + System.getProperty("java.class.path"),
                compiled.mainClass()));
        Path log = compiled.classes().resolveSibling(compiled.classes().getFileName() + ".out");
        String output;
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(snippet.timeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            output = Files.readString(log, StandardCharsets.UTF_8);
            if (!finished) {
                throw new SnippetFailure(snippet.location(), "did not finish within " + snippet.timeoutSeconds()
                        + " s (raise it with timeout=\"…\" if that is expected)" + printed(output));
            }
            if (process.exitValue() != 0) {
                throw new SnippetFailure(snippet.location(), "exited with status " + process.exitValue() + printed(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + snippet, e);
        }
        List<String> printed = new ArrayList<>(output.lines().map(String::stripTrailing).toList());
        for (Snippet.Shown line : snippet.shown()) {
            if (line.text().isBlank()) {
                continue;
            }
            Pattern pattern = shownPattern(line.text());
            int match = -1;
            for (int i = 0; i < printed.size() && match < 0; i++) {
                if (pattern.matcher(printed.get(i)).matches()) {
                    match = i;
                }
            }
            if (match < 0) {
                throw new SnippetFailure(line.location(), "the lesson shows the output line '" + line.text()
                        + "', but the snippet of line " + snippet.location().line() + " printed no such line (… stands for any text)"
                        + printed(output));
            }
            printed.remove(match); // each printed line answers for one shown line only
        }
        for (String expect : snippet.expects()) {
            if (!Pattern.compile(expect, Pattern.MULTILINE).matcher(output).find()) {
                throw new SnippetFailure(snippet.location(), "printed nothing that matches expect=\"" + expect + "\"" + printed(output));
            }
        }
        return output;
    }

    /** A shown line as a pattern: its text literally, with {@code …} matching any text. */
    static Pattern shownPattern(String shown) {
        StringBuilder regex = new StringBuilder();
        String[] parts = shown.stripTrailing().split("…", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static String printed(String output) {
        return output.isEmpty() ? " and printed nothing" : "; it printed:\n" + output.stripTrailing();
    }
}
