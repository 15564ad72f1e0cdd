package io.github.poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes that exist only in the parent's memory, from jshell or the source launcher, are shipped to the
 * workers: a lambda written there runs on a PROCESS pool with nothing but the built pool jar on the class path.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InMemoryClassesIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String NL = System.lineSeparator();

    @TempDir
    Path temp;

    @Test
    void jshellMapsALambdaOnAProcessPool() throws Exception {
        Path script = Files.writeString(temp.resolve("squares.jsh"), """
                import io.github.poolbench.pool.*;
                int cube(int x) { return x * x * x; }
                try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 2)) {
                    System.out.println(pool.map(x -> x * x, List.of(1, 2, 3)));
                    System.out.println(pool.map(x -> cube(x) + 0, List.of(1, 2, 3)));
                }
                /exit
                """, StandardCharsets.UTF_8);
        Jvm.Outcome outcome = jshell(script);
        assertEquals(
                List.of(0, "[1, 4, 9]" + NL + "[1, 8, 27]" + NL),
                List.of(outcome.exitStatus(), outcome.out()),
                outcome::toString);
        assertFalse(outcome.err().contains("Exception"), outcome::toString);
    }

    @Test
    void aSingleSourceFileMapsALambdaOnAProcessPool() throws Exception {
        Path source = Files.writeString(temp.resolve("Squares.java"), """
                import io.github.poolbench.pool.*;
                import java.util.List;

                class Squares {
                    public static void main(String[] args) {
                        try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 2)) {
                            System.out.println(pool.map(x -> x * x, List.of(1, 2, 3)));
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Jvm.Outcome outcome = Jvm.run(
                List.of(Jvm.tool("java"), "--class-path", Jvm.builtJar().toString(), source.toString()), "", LIMIT);
        assertEquals(new Jvm.Outcome(0, "[1, 4, 9]" + NL, ""), outcome);
    }

    /** A result of a plain serializable class that exists only in the source launcher's memory. */
    @Test
    void aSingleSourceFileGetsBackAResultOfItsOwnClass() throws Exception {
        Path source = Files.writeString(temp.resolve("Mem2.java"), """
                import io.github.poolbench.pool.*;
                import java.util.List;

                class Mem2 {
                    static class Box implements java.io.Serializable {
                        final int value;

                        Box(int value) {
                            this.value = value;
                        }

                        @Override
                        public String toString() {
                            return "Box " + value;
                        }
                    }

                    public static void main(String[] args) {
                        try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 1)) {
                            System.out.println(pool.map(i -> new Box(i), List.of(1, 2)));
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Jvm.Outcome outcome = Jvm.run(
                List.of(Jvm.tool("java"), "--class-path", Jvm.builtJar().toString(), source.toString()), "", LIMIT);
        assertEquals(new Jvm.Outcome(0, "[Box 1, Box 2]" + NL, ""), outcome);
    }

    @Test
    void jshellGetsBackAResultOfASnippetsClass() throws Exception {
        Path script = Files.writeString(temp.resolve("boxes.jsh"), """
                import io.github.poolbench.pool.*;
                class Bx implements java.io.Serializable {
                    final int value;
                    Bx(int value) { this.value = value; }
                    public String toString() { return "Bx " + value; }
                }
                try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 1)) {
                    System.out.println(pool.map(i -> new Bx(i), List.of(1, 2)));
                }
                /exit
                """, StandardCharsets.UTF_8);
        Jvm.Outcome outcome = jshell(script);
        assertEquals(List.of(0, "[Bx 1, Bx 2]" + NL), List.of(outcome.exitStatus(), outcome.out()), outcome::toString);
        assertFalse(outcome.err().contains("Exception"), outcome::toString);
    }

    @Test
    void aProgramOfSeveralSourceFilesMapsALambdaThatCallsAnotherFile() throws Exception {
        Files.writeString(temp.resolve("Helper.java"), """
                record Helper(int offset) implements java.io.Serializable {
                    static int cube(int x) {
                        return x * x * x;
                    }
                }
                """, StandardCharsets.UTF_8);
        Path source = Files.writeString(temp.resolve("Squares.java"), """
                import io.github.poolbench.pool.*;
                import java.util.List;

                class Squares {
                    public static void main(String[] args) {
                        Helper helper = new Helper(100);
                        try (WorkerPool pool = WorkerPool.open(PoolKind.PROCESS, 2)) {
                            System.out.println(pool.map(x -> Helper.cube(x) + helper.offset(), List.of(1, 2, 3)));
                        }
                    }
                }
                """, StandardCharsets.UTF_8);
        Jvm.Outcome outcome = Jvm.run(
                List.of(Jvm.tool("java"), "--class-path", Jvm.builtJar().toString(), source.toString()), "", LIMIT);
        assertEquals(new Jvm.Outcome(0, "[101, 108, 127]" + NL, ""), outcome);
    }

    /** Runs a jshell script with the built jar alone on the class path. */
    private Jvm.Outcome jshell(Path script) throws Exception {
        // jshell keeps preferences in a folder of its own, and says on stderr when it makes one: only
        // what the script printed counts here.
        return Jvm.run(
                List.of(
                        Jvm.tool("jshell"),
                        "-J-Djava.util.prefs.userRoot=" + temp.resolve("prefs"),
                        "--feedback",
                        "silent",
                        "--class-path",
                        Jvm.builtJar().toString(),
                        script.toString()),
                "",
                LIMIT);
    }
}
