package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced {@code java} block of the lessons under {@code content/} is compiled, and run when it
 * says so, so that no code shown to a reader can rot.
 *
 * <h2>The snippet convention</h2>
 *
 * <ul>
 *   <li><b>Every</b> block fenced with {@code ```java} is compiled, in-process, with
 *       {@code javax.tools.JavaCompiler}, also inside GTN boxes ({@code > ```java}). The classpath holds
 *       the JDK and the project's public packages only: {@code io.github.poolbench.pool} and
 *       {@code io.github.poolbench.workload}. Compiler warnings fail the snippet ({@code -Xlint:all -Werror},
 *       less {@code serial}, {@code processing} and {@code preview}).</li>
 *   <li>A block marked {@code file="Name.java"} is a <b>program</b>: a whole file a reader saves under that
 *       name and runs with {@code java --class-path poolbench-pool.jar Name.java}, mostly a compact source
 *       file (a {@code void main()} in the unnamed package, which imports {@code java.base} by itself). It
 *       compiles as written, and runs as the reader runs it: in a fresh folder holding only it and the
 *       pool's jar, through the source launcher, with only that jar on the class path (programs that use the
 *       lessons' workloads, which are no download yet, get the test classpath too). Every snippet that runs
 *       must be a program, and no two programs of a lesson share a name.</li>
 *   <li>A block that has a {@code package} line or a top-level {@code public} type is a <b>unit</b> and
 *       compiles as written.</li>
 *   <li>Any other block is a <b>fragment</b>, wrapped in a generated {@code public class} of the unnamed
 *       package, after the imports a fragment may take for granted:
 *       {@code import module java.base;} (as in a JDK 25 compact source file) and the two public packages.
 *       A fragment's own {@code import} lines are moved up to join them. A fragment whose first code line
 *       opens a declaration ({@code static}, {@code private}, {@code public}, {@code record}, {@code enum},
 *       {@code class}, {@code interface}, an annotation…) holds <b>members</b> of that class; any other
 *       holds <b>body</b> statements, which go into a generated {@code public static void main(String[])
 *       throws Exception} (unless a members fragment declares its own {@code main}).</li>
 *   <li>An HTML comment right above the fence, {@code <!-- snippet: key key="value" … -->} (one or more
 *       lines, inside the same box as the fence), tells more. It does not show on the page. Keys:
 *     <ul>
 *       <li>{@code name="id"}: names the snippet, so that later snippets of the same lesson can use it;</li>
 *       <li>{@code use="id1,id2"}: puts those snippets' code (and what they use) first, in the same class:
 *           their members among the members, their statements before this one's;</li>
 *       <li>{@code run}: runs the snippet's {@code main} in a child JVM; it must exit with 0;</li>
 *       <li>{@code expect="regex"} (repeatable; implies {@code run}): the output, stdout and stderr together,
 *           must contain a match (Java regex, {@code MULTILINE}; write {@code \"} for a quote). Timings
 *           vary, so expectations are patterns;</li>
 *       <li>{@code output} (implies {@code run}): the next fenced block after the snippet (say
 *           {@code ```text}, with any prose between) shows what the snippet prints. Every non-blank line
 *           shown must be printed by the run, as a whole line, in any order; {@code …} in a shown line
 *           stands for any text (a time, a process id). What the reader sees is thus checked too;</li>
 *       <li>{@code timeout="seconds"}: how long a run may take, 60 by default;</li>
 *       <li>{@code compile-error="regex"}: the lesson shows code Java rejects; it must fail to compile
 *           with an error matching the regex;</li>
 *       <li>{@code preview}: compile and run with {@code --enable-preview} (e.g. {@code StructuredTaskScope}
 *           in JDK 25);</li>
 *       <li>{@code file="Name.java"}: makes the block a program, see above;</li>
 *       <li>{@code kind="unit|members|body"}: overrides the detection above.</li>
 *     </ul></li>
 *   <li>Every failure is reported as {@code file:line: what went wrong}, the line being the lesson's
 *       (the offending code line for compiler errors, the shown line for output the run did not print,
 *       the block's first line otherwise).</li>
 * </ul>
 */
class LessonSnippetsTest {

    @TempDir
    static Path work;

    private static SnippetCompiler compiler;
    private static final AtomicInteger outputs = new AtomicInteger();

    @BeforeAll
    static void makeCompiler() {
        compiler = new SnippetCompiler(work);
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetInTheLessonsCompilesAndRunsAsItSays() {
        Path root = Fixtures.repoRoot();
        return lessons(root.resolve("content")).stream().flatMap(lesson -> {
            List<Snippet> snippets = SnippetScanner.scan(lesson, root.relativize(lesson));
            Map<String, Snippet> named = named(snippets);
            files(snippets);
            return snippets.stream()
                    .map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> {
                        if (snippet.kind() == Snippet.Kind.PROGRAM) {
                            // Compiled here against the public API; run from the built site's downloads, by the
                            // page's command, in ReaderFolderTest.
                            compiler.compile(snippet, named, work.resolve("snippet-" + outputs.incrementAndGet()));
                            return;
                        }
                        check(snippet, named);
                    }));
        });
    }

    @Test
    void theLessonsShowCodeAndRunSomeOfIt() {
        Path root = Fixtures.repoRoot();
        List<Snippet> all = lessons(root.resolve("content")).stream()
                .flatMap(lesson -> SnippetScanner.scan(lesson, root.relativize(lesson)).stream())
                .toList();
        assertFalse(all.isEmpty(), "the lessons hold no ```java block at all");
        assertTrue(all.stream().anyMatch(Snippet::run), "no snippet is run");
        List<Snippet> unchecked = all.stream()
                .filter(s -> s.run() && s.expects().isEmpty() && s.shown().isEmpty())
                .toList();
        assertTrue(unchecked.isEmpty(), "a run snippet must say what it prints (expect or output): " + unchecked);
        List<Snippet> fragments = all.stream()
                .filter(s -> s.run() && s.kind() != Snippet.Kind.PROGRAM)
                .toList();
        assertTrue(
                fragments.isEmpty(),
                "every snippet a lesson runs is a program a reader can save and run (file=\"Name.java\"): "
                        + fragments);
        assertTrue(
                all.stream().noneMatch(s -> s.code().contains("com.example")), "examples live in the unnamed package");
        List<Snippet> silent = all.stream()
                .filter(s -> s.kind() == Snippet.Kind.PROGRAM && s.shown().isEmpty())
                .toList();
        assertTrue(silent.isEmpty(), "every example's page shows what it prints (output): " + silent);
    }

    // The test must be able to fail: broken snippets are reported with the lesson's file and line.

    @Test
    void aSnippetThatDoesNotCompileIsReportedAtTheLessonLineOfTheError() {
        Path lesson = lesson("broken.md", """
                ---
                title: Broken
                ---

                Some text before the box.

                > <hands-on-title>Try it</hands-on-title>
                >
                > ```java
                > var pool = WorkerPool.open(PoolKind.THREAD, 2);
                > int workers = pool.sizee();
                > ```
                {: .hands_on}
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(failure.getMessage().startsWith(lesson + ":11: error: cannot find symbol"), failure.getMessage());
        assertTrue(failure.getMessage().contains("pool.sizee()"), failure.getMessage());
    }

    @Test
    void aSnippetWhoseOutputDoesNotMatchIsReportedAtItsFirstLine() {
        Path lesson = lesson("wrong-output.md", """
                Text.

                <!-- snippet: expect="goodbye" -->
                ```java
                System.out.println("hello");
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(
                failure.getMessage().startsWith(lesson + ":5: printed nothing that matches expect=\"goodbye\""),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("hello"), "shows what it printed: " + failure.getMessage());
    }

    @Test
    void outputTheLessonShowsButTheSnippetDoesNotPrintIsReportedAtTheShownLine() {
        Path lesson = lesson("shown-output.md", """
                <!-- snippet: output -->
                ```java
                System.out.println("squares: " + List.of(0, 1, 4));
                System.out.println("pid " + ProcessHandle.current().pid());
                ```

                It prints:

                ```text
                squares: [0, 1, 4]
                pid …
                squares: [0, 1, 4, 9]
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(
                failure.getMessage()
                        .startsWith(lesson + ":12: the lesson shows the output line 'squares: [0, 1, 4, 9]'"),
                failure.getMessage());
    }

    @Test
    void aProgramRunsFromItsSourceFileAndThePoolJarAloneInAFolder() {
        Path lesson = lesson("program.md", """
                <!-- snippet: file="Alone.java" output -->
                ```java
                import io.github.poolbench.pool.*;

                void main() throws Exception {
                    try (var files = Files.list(Path.of("."))) {
                        System.out.println("folder: " + files.map(p -> p.getFileName().toString()).sorted().toList());
                        System.out.println("class path: " + System.getProperty("java.class.path"));
                    }
                    try (WorkerPool pool = WorkerPool.open(PoolKind.THREAD, 2)) {
                        System.out.println(pool.map(x -> x + 1, List.of(1, 2)));
                    }
                }
                ```

                ```text
                folder: [Alone.java, poolbench-pool.jar]
                class path: poolbench-pool.jar
                [2, 3]
                ```
                """);

        checkAll(lesson);
    }

    @Test
    void aProgramThatDoesNotCompileIsReportedAtItsLessonLine() {
        Path lesson = lesson("broken-program.md", """
                Text.

                <!-- snippet: file="Broken.java" output -->
                ```java
                void main() {
                    System.out.println(undefined);
                }
                ```

                ```text
                never
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(failure.getMessage().startsWith(lesson + ":6: error: cannot find symbol"), failure.getMessage());
    }

    @Test
    void twoProgramsOfALessonCannotShareAFileName() {
        Path lesson = lesson("twice.md", """
                <!-- snippet: file="Twice.java" -->
                ```java
                void main() {}
                ```

                <!-- snippet: file="Twice.java" -->
                ```java
                void main() {}
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> files(SnippetScanner.scan(lesson, lesson)));

        assertEquals(
                lesson + ":8: a program saved as Twice.java already stands at " + lesson + ":3", failure.getMessage());
    }

    @Test
    void aSnippetThatFailsWhenRunIsReported() {
        Path lesson = lesson("throws.md", """
                <!-- snippet: run expect="never" -->
                ```java
                throw new IllegalStateException("boom");
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(failure.getMessage().startsWith(lesson + ":3: exited with status 1"), failure.getMessage());
        assertTrue(failure.getMessage().contains("boom"), failure.getMessage());
    }

    @Test
    void aSnippetThatRunsTooLongIsStopped() {
        Path lesson = lesson("hangs.md", """
                <!-- snippet: run timeout="2" expect="." -->
                ```java
                Thread.sleep(Duration.ofMinutes(5));
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(failure.getMessage().startsWith(lesson + ":3: did not finish within 2 s"), failure.getMessage());
    }

    @Test
    void codeTheLessonSaysJavaRejectsMustBeRejected() {
        Path lesson = lesson("compiles-after-all.md", """
                <!-- snippet: compile-error="effectively final" -->
                ```java
                int total = 0;
                System.out.println(total);
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(
                failure.getMessage().startsWith(lesson + ":3: the lesson says this does not compile, but it does"),
                failure.getMessage());
    }

    @Test
    void snippetsSeeOnlyThePublicApi() {
        Path lesson = lesson("internals.md", """
                ```java
                import io.github.poolbench.bench.Profile;

                System.out.println(Profile.QUICK);
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(
                failure.getMessage().startsWith(lesson + ":2: error: package io.github.poolbench.bench does not exist"),
                failure.getMessage());
    }

    @Test
    void aDirectiveWithATypoIsReported() {
        Path lesson = lesson("typo.md", """
                Intro.

                <!-- snippet: runn -->
                ```java
                System.out.println("hi");
                ```
                """);

        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> checkAll(lesson));

        assertTrue(
                failure.getMessage().startsWith(lesson + ":3: unknown snippet directive 'runn'"), failure.getMessage());
    }

    @Test
    void snippetsBuildOnNamedSnippetsAndKeepTheirOwnLines() {
        Path lesson = lesson("steps.md", """
                > <hands-on-title>Steps</hands-on-title>
                >
                > <!-- snippet: name="square" -->
                > ```java
                > static int square(int x) {
                >     return x * x;
                > }
                > ```
                >
                > > <solution-title></solution-title>
                > > <!-- snippet: name="inputs" -->
                > > ```java
                > > List<Integer> inputs = List.of(1, 2, 3);
                > > ```
                > {: .solution}
                {: .hands_on}

                <!-- snippet: use="square,inputs"
                     expect="^\\[1, 4, 9\\]$" -->
                ```java
                System.out.println(inputs.stream().map(x -> square(x)).toList());
                ```

                <!-- snippet: use="square" -->
                ```java
                String broken = square(2);
                ```
                """);
        List<Snippet> snippets = SnippetScanner.scan(lesson, lesson);
        assertEquals(
                List.of(Snippet.Kind.MEMBERS, Snippet.Kind.BODY, Snippet.Kind.BODY, Snippet.Kind.BODY),
                snippets.stream().map(Snippet::kind).toList());
        assertEquals(
                List.of(5, 13, 21, 26),
                snippets.stream().map(s -> s.location().line()).toList());
        Map<String, Snippet> named = named(snippets);

        check(snippets.get(2), named);
        SnippetFailure failure = assertThrows(SnippetFailure.class, () -> check(snippets.get(3), named));
        assertTrue(failure.getMessage().startsWith(lesson + ":26: error: incompatible types"), failure.getMessage());
    }

    private static void check(Snippet snippet, Map<String, Snippet> named) {
        Path out = work.resolve("snippet-" + outputs.incrementAndGet());
        compiler.compile(snippet, named, out).ifPresent(compiled -> {
            if (snippet.run()) {
                SnippetRunner.run(compiled);
            }
        });
    }

    private static void checkAll(Path lesson) {
        List<Snippet> snippets = SnippetScanner.scan(lesson, lesson);
        Map<String, Snippet> named = named(snippets);
        snippets.forEach(snippet -> check(snippet, named));
    }

    private static Map<String, Snippet> named(List<Snippet> snippets) {
        Map<String, Snippet> named = new LinkedHashMap<>();
        for (Snippet snippet : snippets) {
            snippet.name().ifPresent(name -> {
                Snippet before = named.putIfAbsent(name, snippet);
                if (before != null) {
                    throw new SnippetFailure(
                            snippet.location(),
                            "a snippet named '" + name + "' already stands at " + before.location());
                }
            });
        }
        return named;
    }

    /** Programs by file name; two programs of one lesson cannot share a file name, since its examples share a folder. */
    static Map<String, Snippet> files(List<Snippet> snippets) {
        Map<String, Snippet> files = new LinkedHashMap<>();
        for (Snippet snippet : snippets) {
            snippet.file().ifPresent(file -> {
                Snippet before = files.putIfAbsent(file, snippet);
                if (before != null) {
                    throw new SnippetFailure(
                            snippet.location(),
                            "a program saved as " + file + " already stands at " + before.location());
                }
            });
        }
        return files;
    }

    private static List<Path> lessons(Path content) {
        try (Stream<Path> walk = Files.walk(content)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !p.startsWith(content.resolve("results")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path lesson(String name, String text) {
        try {
            Path dir = Files.createDirectories(work.resolve("lessons"));
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
