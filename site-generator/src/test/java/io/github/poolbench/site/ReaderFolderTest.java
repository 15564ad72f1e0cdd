package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader with nothing but JDK 25 and the built site: an empty folder gets what the first two
 * lessons offer for download (the pool's jar and each example's source file, taken from the built
 * site's output, never from the source tree), and every example runs there with the command its
 * page gives, {@code java --class-path poolbench-pool.jar Squares.java}, PROCESS examples included.
 * The snippet tests check what each program prints; this checks that what the site hands out runs.
 */
class ReaderFolderTest {

    /** A command as a page shows it, in a {@code code} element: {@code java … Name.java}. */
    private static final Pattern COMMAND = Pattern.compile("^java(?: \\S+)* (\\w+\\.java)$");

    private static final int FIRST_LESSONS = 2;
    private static final long TIMEOUT_SECONDS = 180;

    @TempDir
    static Path temp;

    static Path site;
    /** The reader's folder: empty at first, then only what the site offers. */
    static Path folder;
    /** Each example's file name and the command its page gives for it, in page order. */
    static final Map<String, List<String>> commands = new LinkedHashMap<>();

    @BeforeAll
    static void downloadWhatTheFirstLessonsOffer() throws IOException {
        site = RealSite.shared();
        folder = Files.createDirectory(temp.resolve("reader"));
        List<String> lessons = RealSite.lessonPaths(site);
        assertTrue(lessons.size() >= FIRST_LESSONS, "the index lists " + lessons);
        Optional<Path> jar = Optional.empty();
        for (String lesson : lessons.subList(0, FIRST_LESSONS)) {
            Path page = site.resolve(lesson);
            Document html = Jsoup.parse(page.toFile());
            Optional<List<String>> general = Optional.empty();
            for (Element code : html.select("code")) {
                Matcher command = COMMAND.matcher(code.text().strip());
                if (command.matches() && general.isEmpty()) {
                    general = Optional.of(List.of(code.text().strip().split(" ")));
                }
            }
            List<String> examples = new ArrayList<>();
            for (String href : html.select("a[href]").eachAttr("href")) {
                Path target = page.getParent().resolve(href).normalize();
                if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                    continue;
                }
                String name = target.getFileName().toString();
                if (name.equals("poolbench-pool.jar")) {
                    jar = Optional.of(target);
                } else if (name.endsWith(".java")
                        && site.relativize(target).startsWith("examples")
                        && !examples.contains(name)) {
                    examples.add(name);
                    Path saved = folder.resolve(name);
                    if (Files.exists(saved)) {
                        fail(lesson + " offers " + name
                                + ", which an earlier lesson offers too: a reader's folder holds one");
                    }
                    Files.copy(target, saved);
                }
            }
            assertEquals(
                    published(site.resolve("examples")
                            .resolve(Path.of(lesson).getFileName().toString().replaceFirst("\\.html$", ""))),
                    examples.stream().sorted().toList(),
                    lesson + " links every example the site publishes for it");
            for (String example : examples) {
                commands.put(
                        example,
                        command(html, example, general)
                                .orElseThrow(() -> new AssertionError(lesson + " never says how to run " + example
                                        + " (no `java … " + example + "` on the page)")));
            }
        }
        Files.copy(
                jar.orElseThrow(() -> new AssertionError("the first lessons link no poolbench-pool.jar")),
                folder.resolve("poolbench-pool.jar"));
    }

    @Test
    void theFolderHoldsOnlyTheDownloadsAndAProcessExampleAmongThem() throws IOException {
        List<String> expected = new ArrayList<>(commands.keySet());
        expected.add("poolbench-pool.jar");

        assertEquals(expected.stream().sorted().toList(), published(folder));
        assertTrue(
                commands.keySet().stream()
                        .anyMatch(name -> read(folder.resolve(name)).contains("PoolKind.PROCESS")),
                "no example of the first lessons starts worker processes: " + commands.keySet());
        assertTrue(Runtime.version().feature() >= 25, "the examples need JDK 25, this is " + Runtime.version());
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRunsWithTheCommandItsPageGives() {
        return commands.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(String.join(" ", e.getValue()), () -> run(e.getKey(), e.getValue())));
    }

    /** The command the page gives for {@code example}, else the page's first command with the file's name in it. */
    private static Optional<List<String>> command(Document html, String example, Optional<List<String>> general) {
        for (Element code : html.select("code")) {
            Matcher command = COMMAND.matcher(code.text().strip());
            if (command.matches() && command.group(1).equals(example)) {
                return Optional.of(List.of(code.text().strip().split(" ")));
            }
        }
        return general.map(words -> {
            List<String> own = new ArrayList<>(words);
            own.set(own.size() - 1, example);
            return List.copyOf(own);
        });
    }

    private static void run(String example, List<String> command) throws Exception {
        List<String> argv = new ArrayList<>(command);
        argv.set(
                0,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()); // the JDK 25 that runs the tests
        ProcessBuilder builder =
                new ProcessBuilder(argv).directory(folder.toFile()).redirectErrorStream(true);
        // a reader's shell: nothing on the class path, no options slipped in
        List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
                .forEach(builder.environment()::remove);
        Path log = temp.resolve(example + ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<ProcessHandle> left = process.descendants().toList();
        if (!finished) {
            left.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail(example + " did not finish within " + TIMEOUT_SECONDS + " s; it printed:\n" + read(log));
        }
        String output = read(log);
        assertEquals(
                0, process.exitValue(), example + " exited with " + process.exitValue() + "; it printed:\n" + output);
        assertTrue(!output.isBlank(), example + " printed nothing");
        for (ProcessHandle child : left) {
            child.onExit().get(30, TimeUnit.SECONDS); // workers go with their pool
        }
    }

    private static List<String> published(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
