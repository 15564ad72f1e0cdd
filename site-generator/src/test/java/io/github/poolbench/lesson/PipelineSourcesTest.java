package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lesson pipeline works on flexmark's tree: no placeholder tokens of private-use characters
 * (U+E000 to U+F8FF), written as they are or as escapes, stand in for HTML any more.
 */
class PipelineSourcesTest {

    private static final Pattern PRIVATE_USE = Pattern.compile("[\\uE000-\\uF8FF]|\\\\u[eEfF][0-9a-fA-F]{3}");

    @Test
    void noPrivateUseCharactersInTheLessonPipeline() throws IOException {
        Path sources = Path.of("src/main/java/io/github/poolbench/lesson");
        try (Stream<Path> files = Files.list(sources)) {
            List<String> found = files.filter(f -> f.toString().endsWith(".java"))
                    .flatMap(PipelineSourcesTest::hits)
                    .toList();
            assertEquals(List.of(), found);
        }
    }

    /**
     * Results are nodes of the tree, rendered once: nothing under src/main writes a marker into a
     * page for a later step to replace, and the index's findings are read from the tree, not by
     * regular expressions over Markdown or HTML.
     */
    @Test
    void noPlaceholdersInPagesAndNoPatternsInTheIndexsFindings() throws IOException {
        Path main = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            List<String> placeholders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("<!--poolbench"))
                    .map(f -> main.relativize(f).toString())
                    .toList();
            assertEquals(List.of(), placeholders);
        }
        String headlines = read(main.resolve("io/github/poolbench/site/Headlines.java"));
        assertEquals(
                List.of(),
                Stream.of("java.util.regex", "Pattern", "indexOf(", "replace(", "Files.read")
                        .filter(headlines::contains)
                        .toList());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Stream<String> hits(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return java.util.stream.IntStream.range(0, lines.size())
                    .filter(i -> PRIVATE_USE.matcher(lines.get(i)).find())
                    .mapToObj(i -> file.getFileName() + ":" + (i + 1));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
