package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;
import java.util.List;
import java.util.Optional;

/**
 * One fenced {@code java} block of a lesson, with what its {@code <!-- snippet: … -->} directive asks
 * (the convention is documented on LessonSnippetsTest, which compiles and runs them).
 *
 * @param location     the block's first code line
 * @param code         the block's code, blockquote markers removed
 * @param kind         how the code is compiled
 * @param name         a name other snippets can {@code use}
 * @param uses         names of snippets whose code goes first
 * @param run          whether the compiled snippet is run
 * @param expects      regular expressions the run's output must contain (each somewhere)
 * @param compileError a regular expression the compiler's error must match; the snippet must not compile
 * @param preview      whether the snippet needs the JDK's preview features
 * @param timeoutSeconds how long a run may take
 * @param shown        the output the lesson shows for the snippet (the fenced block after it), each line
 *                     of which the run must print; empty when the lesson shows none
 * @param file         the file name a reader saves a {@link Kind#PROGRAM program} under, e.g. {@code Squares.java}
 * @param unordered    whether the shown lines may be printed in any order (tasks that finish in a varying
 *                     order); otherwise they must come in the order shown
 * @param partial      whether the run may print lines the lesson does not show (output whose lines are
 *                     jumbled on purpose); otherwise every printed line must be a shown one
 */
record Snippet(
        Location location,
        String code,
        Kind kind,
        Optional<String> name,
        List<String> uses,
        boolean run,
        List<String> expects,
        Optional<String> compileError,
        boolean preview,
        int timeoutSeconds,
        List<Shown> shown,
        Optional<String> file,
        boolean unordered,
        boolean partial) {

    /** A line of output as the lesson shows it, where {@code …} stands for any text. */
    record Shown(Location location, String text) {}

    /** How a block becomes a compilation unit. */
    enum Kind {
        /**
         * A whole source file a reader saves and runs ({@code file="Name.java"}), usually a compact source
         * file: a {@code void main()} in no package. Compiled as written, run with the source launcher.
         */
        PROGRAM,
        /** A whole compilation unit (a {@code package} line or a top-level public type): compiled as is. */
        UNIT,
        /** Fields, methods or nested types: they become members of a generated class. */
        MEMBERS,
        /** Statements: they become the body of the generated class's {@code main}. */
        BODY
    }

    Snippet {
        uses = List.copyOf(uses);
        expects = List.copyOf(expects);
        shown = List.copyOf(shown);
    }

    /** The code's lines; line {@code i} sits at {@code location.line() + i} in the lesson. */
    List<String> lines() {
        return code.lines().toList();
    }

    @Override
    public String toString() {
        return location + file.map(f -> " " + f).orElse("") + " (" + kind.name().toLowerCase(java.util.Locale.ROOT)
                + (compileError.isPresent() ? ", must not compile" : run ? ", run" : "") + ")";
    }
}
