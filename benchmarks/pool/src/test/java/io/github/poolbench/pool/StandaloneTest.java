package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pool as a user meets it: its classes alone on the class path or the module path, under a program
 * compiled here whose classes no allow-list names.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StandaloneTest {

    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path temp;

    @Test
    void theWorkerPoolJavadocExampleRunsAsWritten() throws Exception {
        String javadoc = Files.readString(Path.of("src/main/java/io/github/poolbench/pool/WorkerPool.java"));
        int from = javadoc.indexOf("<pre>{@code\n") + "<pre>{@code\n".length();
        int to = javadoc.indexOf(" * }</pre>", from);
        StringBuilder example = new StringBuilder();
        javadoc.substring(from, to)
                .lines()
                .forEach(
                        line -> example.append(line.replaceFirst("^ \\* ?", "")).append('\n'));
        Path source = Files.writeString(temp.resolve("Example.java"), """
                import io.github.poolbench.pool.*;
                import java.util.List;

                public class Example {
                    public static void main(String[] args) {
                %s    }
                }
                """.formatted(example), StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Jvm.compile(classes, List.of("-cp", Jvm.poolClasses().toString()), source);

        Jvm.Outcome outcome =
                Jvm.run(List.of(Jvm.tool("java"), "-cp", Jvm.path(Jvm.poolClasses(), classes), "Example"), "", LIMIT);
        assertEquals(new Jvm.Outcome(0, "[1, 4, 9]" + System.lineSeparator(), ""), outcome);
    }

    @ParameterizedTest(name = "on the {0}")
    @ValueSource(strings = {"class path", "module path"})
    void aProgramMapsOnEveryKindWithThePoolAloneBesideIt(String where) throws Exception {
        Path sources = Files.createDirectories(temp.resolve("src/demo"));
        List<Path> files = new ArrayList<>();
        files.add(Files.writeString(sources.resolve("Main.java"), """
                package demo;

                import io.github.poolbench.pool.PoolKind;
                import io.github.poolbench.pool.WorkerPool;
                import java.util.List;

                public class Main {
                    static long cube(int x) {
                        return (long) x * x * x;
                    }

                    public static void main(String[] args) {
                        for (PoolKind kind : PoolKind.values()) {
                            try (WorkerPool pool = WorkerPool.open(kind, 2)) {
                                System.out.println(kind + " " + pool.map(x -> x * x, List.of(1, 2, 3))
                                        + " " + pool.map(Main::cube, List.of(1, 2, 3)));
                            }
                        }
                    }
                }
                """, StandardCharsets.UTF_8));
        boolean modular = where.equals("module path");
        if (modular) {
            files.add(Files.writeString(
                    temp.resolve("src/module-info.java"),
                    "module demo { requires io.github.poolbench.pool; }",
                    StandardCharsets.UTF_8));
        }
        Path classes = Files.createDirectories(temp.resolve("classes"));
        Jvm.compile(
                classes,
                List.of(modular ? "--module-path" : "-cp", Jvm.poolClasses().toString()),
                files.toArray(Path[]::new));

        List<String> command = modular
                ? List.of(
                        Jvm.tool("java"), "--module-path", Jvm.path(Jvm.poolClasses(), classes), "-m", "demo/demo.Main")
                : List.of(Jvm.tool("java"), "-cp", Jvm.path(Jvm.poolClasses(), classes), "demo.Main");
        String nl = System.lineSeparator();
        assertEquals(
                new Jvm.Outcome(
                        0,
                        "PROCESS [1, 4, 9] [1, 8, 27]" + nl + "THREAD [1, 4, 9] [1, 8, 27]" + nl
                                + "VIRTUAL [1, 4, 9] [1, 8, 27]" + nl,
                        ""),
                Jvm.run(command, "", LIMIT));
    }
}
