package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.poolbench.Fixtures;
import io.github.poolbench.lesson.ShownOutput;
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
 * A reader with nothing but JDK 25 and the built site: an empty folder gets the site's downloads and
 * every lesson's example files (taken from the built site's output, never from the source tree), and
 * every example of every lesson runs there once, cold, each in a JVM of its own, with the exact command
 * its page lists, PROCESS examples included. What it prints must be what its page shows, line for line,
 * with {@code …} standing for a number only ({@link ShownOutput}).
 */
class ReaderFolderTest {

    private static final long EXTRA_SECONDS = 120; // a loaded machine starts JVMs slowly

    @TempDir
    static Path temp;

    static Path site;
    /** The reader's folder: empty at first, then only what the site offers. */
    static Path folder;
    /** Each example's file name and the command its page gives for it, in page order. */
    static final Map<String, String> commands = new LinkedHashMap<>();
    /** Each example's file name and what its page shows it prints. */
    static final Map<String, ShownOutput.Expected> outputs = new LinkedHashMap<>();

    @BeforeAll
    static void downloadWhatTheSiteOffers() throws IOException {
        site = RealSite.shared();
        folder = Files.createDirectory(temp.resolve("reader"));
        List<String> lessons = RealSite.lessonPaths(site);
        assertTrue(lessons.size() >= 6, "the index lists " + lessons);
        for (String lesson : lessons) {
            Path page = site.resolve(lesson);
            Document html = Jsoup.parse(page.toFile());
            String name = Path.of(lesson).getFileName().toString().replaceFirst("\\.html$", "");
            Map<String, ShownOutput.Expected> shown = ShownOutput.of(
                    Fixtures.repoRoot().resolve("content").resolve(lesson.replaceFirst("\\.html$", ".md")));
            List<String> listed = new ArrayList<>();
            for (Element item : html.select("#run-the-examples li")) {
                Element link = item.selectFirst("a[href]");
                Element code = item.selectFirst("code");
                assertTrue(link != null && code != null, lesson + " lists an example without link or command: " + item);
                Path file = page.getParent().resolve(link.attr("href")).normalize();
                String example = file.getFileName().toString();
                assertTrue(
                        file.startsWith(site.resolve("examples")) && Files.isRegularFile(file),
                        lesson + " links " + file);
                if (Files.exists(folder.resolve(example))) {
                    fail(lesson + " offers " + example
                            + ", which another lesson offers too: a reader's folder holds one");
                }
                Files.copy(file, folder.resolve(example));
                listed.add(example);
                commands.put(example, code.text().strip());
                outputs.put(
                        example,
                        Optional.ofNullable(shown.get(example))
                                .orElseThrow(() -> new AssertionError(
                                        lesson + " lists " + example + ", its source has no such program")));
            }
            assertEquals(
                    published(site.resolve("examples").resolve(name)),
                    listed.stream().sorted().toList(),
                    lesson + " lists every example the site publishes for it, with its command");
            assertEquals(
                    shown.keySet().stream().sorted().toList(),
                    listed.stream().sorted().toList(),
                    lesson);
        }
        Files.copy(site.resolve(PoolJar.HREF), folder.resolve(PoolJar.NAME));
    }

    @Test
    void theFolderHoldsOnlyTheDownloadsAndEveryLessonHasExamples() {
        List<String> expected = new ArrayList<>(commands.keySet());
        expected.add(PoolJar.NAME);
        assertEquals(expected.stream().sorted().toList(), published(folder));
        assertTrue(commands.size() >= 22, "the lessons' examples: " + commands.keySet());
        assertTrue(
                commands.keySet().stream()
                        .anyMatch(name -> read(folder.resolve(name)).contains("PoolKind.PROCESS")),
                "no example starts worker processes: " + commands.keySet());
        assertTrue(Runtime.version().feature() >= 25, "the examples need JDK 25, this is " + Runtime.version());
    }

    @Test
    void theZipHoldsTheSameFilesAsTheFolder() throws IOException {
        List<String> names = new ArrayList<>();
        try (var zip =
                new java.util.zip.ZipFile(site.resolve(ExampleDownloads.HREF).toFile())) {
            zip.stream().forEach(entry -> names.add(entry.getName()));
        }
        assertEquals(
                published(folder).stream()
                        .map(n -> ExampleDownloads.FOLDER + "/" + n)
                        .toList(),
                names.stream().sorted().toList());
    }

    @TestFactory
    Stream<DynamicTest> everyExamplePrintsWhatItsPageShows() {
        return commands.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getValue(), () -> {
                    String output = run(
                            folder,
                            e.getKey(),
                            e.getValue(),
                            outputs.get(e.getKey()).timeoutSeconds());
                    ShownOutput.mismatch(outputs.get(e.getKey()), output).ifPresent(m -> fail(m.toString()));
                }));
    }

    /** The check can fail: the first lesson's example, its answer changed, runs the same way and is caught. */
    @Test
    void anExampleThatPrintsAWrongAnswerFailsTheCheck() throws Exception {
        Path wrong = Files.createDirectory(temp.resolve("wrong"));
        String example = "Squares.java";
        String source = read(folder.resolve(example));
        assertTrue(source.contains("x * x"), source);
        Files.writeString(wrong.resolve(example), source.replace("x * x", "x * x + 1"));
        Files.copy(folder.resolve(PoolJar.NAME), wrong.resolve(PoolJar.NAME));

        String output = run(wrong, example, commands.get(example), 60);

        ShownOutput.Expected expected = outputs.get(example);
        assertEquals(
                expected.lines().getFirst().at()
                        + ": the lesson shows the output line '[0, 1, 4, 9, 16, 25, 36, 49, 64, 81]', but"
                        + " Squares.java printed no such line after the lines before it (… stands for a number); it printed:\n"
                        + "[1, 2, 5, 10, 17, 26, 37, 50, 65, 82]",
                ShownOutput.mismatch(expected, output).orElseThrow().toString());
    }

    private static String run(Path in, String example, String command, int timeoutSeconds) throws Exception {
        List<String> argv = new ArrayList<>(List.of(command.split(" ")));
        assertEquals("java", argv.getFirst(), command);
        argv.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString()); // the JDK 25 running the tests
        ProcessBuilder builder = new ProcessBuilder(argv).directory(in.toFile()).redirectErrorStream(true);
        // a reader's shell: nothing on the class path, no options slipped in
        List.of("CLASSPATH", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")
                .forEach(builder.environment()::remove);
        Path log = temp.resolve(in.getFileName() + "-" + example + ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        long limit = timeoutSeconds + EXTRA_SECONDS;
        boolean finished = process.waitFor(limit, TimeUnit.SECONDS);
        List<ProcessHandle> left = process.descendants().toList();
        if (!finished) {
            left.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail(example + " did not finish within " + limit + " s; it printed:\n" + read(log));
        }
        String output = read(log);
        assertEquals(
                0, process.exitValue(), example + " exited with " + process.exitValue() + "; it printed:\n" + output);
        for (ProcessHandle child : left) {
            child.onExit().get(30, TimeUnit.SECONDS); // workers go with their pool
        }
        return output;
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
