package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.util.List;

/**
 * The programs of a lesson that a reader downloads: every {@code java} block marked
 * {@code <!-- snippet: file="Name.java" -->}, as the reader saves it. The snippet tests run exactly these
 * files, so what the site offers is what was checked.
 */
public final class Examples {

    /** The JDK release the examples are written for; preview features are tied to one release. */
    public static final int JDK = 25;

    /** The jar every example runs with, as the site offers it; the command names it. */
    public static final String JAR = "poolbench-pool.jar";

    /**
     * One program: the name to save it under, its source (blockquote markers removed), where its block
     * starts in the lesson, and whether it needs the JDK's preview features.
     */
    public record Example(String file, String source, Location location, boolean preview) {

        /** The command that runs it in a folder holding it and {@value #JAR}, as its page shows it. */
        public String command() {
            return "java " + (preview ? "--enable-preview --source " + JDK + " " : "") + "--class-path " + JAR + " "
                    + file;
        }
    }

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
                    .map(snippet -> new Example(
                            snippet.file().orElseThrow(), snippet.code() + "\n", snippet.location(), snippet.preview()))
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
