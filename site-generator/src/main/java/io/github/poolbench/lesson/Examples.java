package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.InputException;
import java.util.List;

/**
 * The programs of a lesson that a reader downloads: every {@code java} block marked
 * {@code <!-- snippet: file="Name.java" -->}, as the reader saves it. The snippet tests run exactly these
 * files, so what the site offers is what was checked.
 */
public final class Examples {

    /** One program: the name to save it under, and its source, blockquote markers removed. */
    public record Example(String file, String source) {}

    private Examples() {}

    /**
     * The programs of {@code lesson}, in page order.
     *
     * @throws InputException at the directive's {@code file:line} when a snippet directive is malformed
     */
    public static List<Example> of(Lesson lesson) {
        try {
            return SnippetScanner.scan(lesson.source(), lesson.source()).stream()
                    .filter(snippet -> snippet.kind() == Snippet.Kind.PROGRAM)
                    .map(snippet -> new Example(snippet.file().orElseThrow(), snippet.code() + "\n"))
                    .toList();
        } catch (SnippetFailure e) {
            throw new InputException(
                    e.location(),
                    e.getMessage().substring(e.location().toString().length() + 2),
                    e);
        }
    }

    /** The folder a lesson's examples go in, under {@code examples/}: the lesson's file name without {@code .md}. */
    public static String folder(Lesson lesson) {
        return lesson.source().getFileName().toString().replaceFirst("\\.md$", "");
    }
}
