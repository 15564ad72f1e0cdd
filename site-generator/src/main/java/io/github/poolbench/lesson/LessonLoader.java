package io.github.poolbench.lesson;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Finds the lessons under a content folder and parses each one. */
public final class LessonLoader {

    /** A fenced block whose info string is a result kind; its body is YAML. */
    private static final Pattern RESULT_FENCE =
            Pattern.compile("(?m)^```(chart|results)[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL);

    private final Parser parser;
    private final HtmlRenderer renderer;

    public LessonLoader() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * Every {@code .md} file under {@code content}, searched recursively, is a lesson; folders
     * named in {@code skip} (the results) are not searched.
     */
    public List<Lesson> loadAll(Path content, List<Path> skip, Diagnostics diagnostics) {
        if (!Files.isDirectory(content)) {
            throw new InputException(Location.of(content), "content folder not found");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".md"))
                    .filter(path -> skip.stream().noneMatch(path::startsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(Location.of(content), "cannot list lessons: " + e.getMessage(), e);
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) {
            lessons.add(load(file, content.relativize(file), diagnostics));
        }
        return lessons;
    }

    /** Parses one lesson; {@code relative} is its path under the content folder. */
    public Lesson load(Path file, Path relative, Diagnostics diagnostics) {
        String text = readUtf8(file);
        int bodyStart = 0;
        Map<String, Object> frontMatter = Map.of();
        int bodyLine = 1;
        if (text.startsWith("---\n") || text.startsWith("---\r\n")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new InputException(Location.of(file, 1), "front matter opened with '---' is never closed");
            }
            String yaml = text.substring(text.indexOf('\n') + 1, end + 1);
            frontMatter = parseFrontMatter(yaml, file);
            int afterClose = text.indexOf('\n', end + 1);
            bodyStart = afterClose < 0 ? text.length() : afterClose + 1;
            bodyLine = (int) text.substring(0, bodyStart).chars().filter(c -> c == '\n').count() + 1;
        }
        String body = text.substring(bodyStart);
        List<ResultBlock> blocks = new ArrayList<>();
        StringBuilder markdown = new StringBuilder();
        Matcher fence = RESULT_FENCE.matcher(body);
        int last = 0;
        while (fence.find()) {
            int line = bodyLine + (int) body.substring(0, fence.start(2)).chars().filter(c -> c == '\n').count();
            ResultBlock block = new ResultBlock(blocks.size() + 1, fence.group(1), fence.group(2), Location.of(file, line));
            blocks.add(block);
            markdown.append(body, last, fence.start()).append(block.placeholder()).append('\n');
            last = fence.end();
        }
        markdown.append(body.substring(last));
        String html = renderer.render(parser.parse(markdown.toString()));
        String path = relative.toString().replace('\\', '/').replaceFirst("\\.md$", ".html");
        Object title = frontMatter.get("title");
        return new Lesson(file, path, frontMatter, title == null ? file.getFileName().toString() : title.toString(),
                html, blocks);
    }

    private static Map<String, Object> parseFrontMatter(String yaml, Path file) {
        try {
            Object value = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new InputException(Location.of(file, 2), "front matter must be a YAML mapping of keys to values");
            }
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, v) -> result.put(String.valueOf(key), v));
            return result;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 2;
            throw new InputException(Location.of(file, line), "bad YAML front matter: " + e.getProblem(), e);
        }
    }

    /** Reads a file that must be UTF-8, naming the line of the first bad byte otherwise. */
    static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot read: " + e.getMessage(), e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(Location.of(file, firstBadLine(bytes)), "not UTF-8 text");
        }
    }

    private static int firstBadLine(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                try {
                    decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
                } catch (CharacterCodingException e) {
                    return line;
                }
                line++;
                start = i + 1;
            }
        }
        return 0;
    }
}
