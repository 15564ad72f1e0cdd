package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lesson dialect, example by example, as flexmark's own extensions are specified: each
 * example in {@code dialect/dialect_spec.md} is a lesson's Markdown, the body's HTML and the
 * diagnostics, whole, each {@code line:column: severity: message} (the column left out where a
 * message names a line only). A result node renders as {@code [kind id]}: what the site writes
 * there is {@code site}'s to test. Run with {@code -Dspec.update=true} to rewrite the expected
 * parts after an intended change, then review the diff.
 */
class DialectSpecTest {

    private static final Path SPEC = Path.of("src/test/resources/dialect/dialect_spec.md");
    /** flexmark's fence around an example. */
    private static final String FENCE = "````````````````````````````````";

    @TempDir
    Path content;

    /** One example: its name, its Markdown, and what it must give. */
    record Example(String name, int line, String markdown, String html, String diagnostics) {}

    @TestFactory
    Stream<DynamicTest> everyExampleGivesItsHtmlAndDiagnostics() throws IOException {
        List<Example> examples = examples(Files.readAllLines(SPEC, StandardCharsets.UTF_8));
        if (Boolean.getBoolean("spec.update")) {
            update(examples);
        }
        return examples.stream()
                .map(example -> DynamicTest.dynamicTest(example.name(), () -> {
                    Example actual = run(example);
                    assertEquals(
                            example.html(),
                            actual.html(),
                            example.name() + " (spec line " + example.line() + "): HTML");
                    assertEquals(
                            example.diagnostics(),
                            actual.diagnostics(),
                            example.name() + " (spec line " + example.line() + "): diagnostics");
                }));
    }

    /** Loads the example as a lesson of its own and renders it. */
    private Example run(Example example) {
        try {
            Path folder = Files.createTempDirectory(content, "example");
            Path file = folder.resolve("lesson.md");
            Files.writeString(file, example.markdown(), StandardCharsets.UTF_8);
            Diagnostics diagnostics = new Diagnostics(false);
            Lesson lesson = new LessonLoader().load(file, folder.relativize(file), diagnostics);
            String html = lesson.body().html(node -> "[" + node.kind().word + " " + node.id() + "]");
            List<String> messages = new ArrayList<>();
            for (Diagnostic d : diagnostics.all()) {
                messages.add(d.toString()
                        .substring(file.toString().length() + 1)
                        .strip()
                        .replace(folder.toString(), "FOLDER")); // the example's folder differs run to run
            }
            return new Example(example.name(), example.line(), example.markdown(), html, String.join("\n", messages));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The examples of a spec file: {@code FENCE example Name}, the Markdown, a line {@code .}, the
     * HTML, a line {@code .}, the diagnostics, then {@code FENCE}.
     */
    static List<Example> examples(List<String> lines) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith(FENCE + " example ")) {
                continue;
            }
            String name = lines.get(i).substring((FENCE + " example ").length()).strip();
            int start = i + 1;
            List<List<String>> parts = new ArrayList<>(List.of(new ArrayList<>()));
            for (i = start; !lines.get(i).equals(FENCE); i++) {
                if (lines.get(i).equals(".")) {
                    parts.add(new ArrayList<>());
                } else {
                    parts.getLast().add(lines.get(i));
                }
            }
            if (parts.size() != 3) {
                throw new IllegalStateException(SPEC + ":" + start + ": an example has Markdown, '.', HTML, '.', "
                        + "diagnostics; this one has " + parts.size() + " parts");
            }
            examples.add(new Example(
                    name,
                    start,
                    String.join("\n", parts.get(0)) + "\n",
                    String.join("\n", parts.get(1)),
                    String.join("\n", parts.get(2))));
        }
        return examples;
    }

    /** Writes each example's actual HTML and diagnostics into the spec file. */
    private void update(List<Example> examples) throws IOException {
        List<String> lines = Files.readAllLines(SPEC, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            out.add(lines.get(i));
            if (!lines.get(i).startsWith(FENCE + " example ")) {
                continue;
            }
            Example actual = run(examples.get(next++));
            out.addAll(List.of(actual.markdown().split("\n", -1))
                    .subList(0, actual.markdown().split("\n", -1).length - 1));
            out.add(".");
            out.addAll(List.of(actual.html().split("\n", -1)));
            out.add(".");
            if (!actual.diagnostics().isEmpty()) {
                out.addAll(List.of(actual.diagnostics().split("\n", -1)));
            }
            while (!lines.get(i).equals(FENCE)) {
                i++;
            }
            out.add(FENCE);
        }
        Files.write(SPEC, out, StandardCharsets.UTF_8);
    }
}
