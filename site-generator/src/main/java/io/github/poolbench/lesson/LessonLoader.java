package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.files.InputTree;
import io.github.poolbench.render.PageRoot;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * The package's facade: finds the lessons under a content folder and turns each into a
 * {@link Lesson}. Irregular input GTN tolerates renders with a warning naming {@code file:line};
 * input that cannot be read at all (not UTF-8, broken or wrongly typed front matter) throws
 * {@link InputException}.
 *
 * <p>Per lesson: the front matter ({@link FrontMatter}), then the body, which {@link Markdown} parses
 * with flexmark and the dialect's extensions, reshapes on the tree (its registered extensions) and
 * renders.
 */
public final class LessonLoader {

    /** U+FEFF, which some editors write at the start of a UTF-8 file. */
    private static final char BYTE_ORDER_MARK = 0xFEFF;

    /**
     * Every {@code .md} file under {@code content}, searched recursively, is a lesson; folders
     * named in {@code skip} (the results) are not searched. A lesson that cannot be read is left out
     * and its errors go to {@code diagnostics}, so one run names every broken file.
     */
    public List<Lesson> loadAll(Path content, List<Path> skip, Diagnostics diagnostics) {
        List<Path> files = files(content, skip, isLesson(), diagnostics);
        // Lessons are independent, so they parse side by side: on a cold JVM the parse is most of a
        // build's time. Each lesson collects its own messages, added in file order so that output stays
        // the same from run to run.
        List<Diagnostics> found = files.stream()
                .map(file -> new Diagnostics(diagnostics.strict()))
                .toList();
        List<Future<Optional<Lesson>>> parsing = new ArrayList<>();
        ExecutorService parsers = Executors.newFixedThreadPool(
                Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors())),
                Thread.ofPlatform().daemon().name("poolbench-parse-", 1).factory());
        try {
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                Diagnostics messages = found.get(i);
                parsing.add(parsers.submit(() -> {
                    try {
                        return Optional.of(load(file, content.relativize(file), messages));
                    } catch (InputException e) { // report every unreadable lesson in one run
                        e.errors().forEach(messages::add);
                        return Optional.empty();
                    }
                }));
            }
            List<Lesson> lessons = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                parsed(parsing.get(i)).ifPresent(lessons::add);
                found.get(i).all().forEach(diagnostics::add);
            }
            return lessons.stream()
                    .map(lesson -> linkRequirements(lesson, lessons))
                    .toList();
        } finally {
            parsers.shutdownNow(); // after a failure, the lessons still queued are not parsed
        }
    }

    /** A lesson's parse, waited for; a failure that is no input error (a bug) is rethrown as it was. */
    private static Optional<Lesson> parsed(Future<Optional<Lesson>> parse) {
        try {
            return parse.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing lessons", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("parsing a lesson failed", e.getCause());
        }
    }

    /**
     * GTN names required tutorials by topic and tutorial ({@code topic_name: basics},
     * {@code tutorials: [threads]}); where a lesson here has that name (its file, or its folder when the
     * file is GTN's {@code tutorial.md}) the requirement links to it, one entry per tutorial.
     */
    private static Lesson linkRequirements(Lesson lesson, List<Lesson> all) {
        FrontMatter meta = lesson.meta();
        FrontMatter linked = meta.withRequirements(
                link(meta.requirements(), lesson, all), link(meta.followUpTraining(), lesson, all));
        return new Lesson(
                lesson.source(),
                lesson.path(),
                linked,
                lesson.title(),
                lesson.body(),
                lesson.toc(),
                lesson.citations(),
                lesson.questions(),
                lesson.objectives(),
                lesson.keyPoints());
    }

    private static List<FrontMatter.Requirement> link(
            List<FrontMatter.Requirement> requirements, Lesson from, List<Lesson> all) {
        List<FrontMatter.Requirement> out = new ArrayList<>();
        String root = PageRoot.of(from.path());
        for (FrontMatter.Requirement requirement : requirements) {
            if (!requirement.type().equals("internal")
                    || requirement.tutorials().isEmpty()) {
                out.add(requirement);
                continue;
            }
            for (String tutorial : requirement.tutorials()) {
                List<String> single = List.of(tutorial);
                out.add(all.stream()
                        .filter(other -> names(other.path(), tutorial))
                        .findFirst()
                        .map(other -> new FrontMatter.Requirement(
                                "internal", other.title(), root + other.path(), requirement.topic(), single))
                        .orElse(new FrontMatter.Requirement("internal", "", "", requirement.topic(), single)));
            }
        }
        return out;
    }

    private static boolean names(String path, String tutorial) {
        return path.equals(tutorial + ".html")
                || path.endsWith("/" + tutorial + ".html")
                || path.endsWith(tutorial + "/tutorial.html");
    }

    /** The other files under {@code content} (images, downloads), relative to it, for the site to copy. */
    public List<Path> resources(Path content, List<Path> skip) {
        // loadAll reported the links and special files already: this walk only leaves them out
        return files(content, skip, isLesson().negate(), new Diagnostics(false)).stream()
                .map(content::relativize)
                .toList();
    }

    private static Predicate<Path> isLesson() {
        return LessonLoader::isLesson;
    }

    private static boolean isLesson(Path file) {
        return file.getFileName().toString().endsWith(".md");
    }

    /** Regular files inside {@code content} (see {@link InputTree}), outside the folders in {@code skip}. */
    private static List<Path> files(Path content, List<Path> skip, Predicate<Path> which, Diagnostics diagnostics) {
        if (!Files.isDirectory(content)) {
            throw new InputException(Location.of(content), "content folder not found");
        }
        List<Path> skipped = new ArrayList<>(skip);
        for (Path folder : skip) {
            try {
                skipped.add(folder.toRealPath());
            } catch (IOException e) { // a results folder that does not exist skips nothing
            }
        }
        Diagnostics found = new Diagnostics(diagnostics.strict());
        List<Path> files = InputTree.walk(content, "content", found).stream()
                .filter(file ->
                        skipped.stream().noneMatch(file.path().toAbsolutePath().normalize()::startsWith)
                                && skipped.stream().noneMatch(file.real()::startsWith))
                .map(InputFile::path)
                .filter(path -> !hidden(content.relativize(path)))
                .filter(which)
                .toList();
        // a link inside the results folder is the results loader's to report
        found.all().stream()
                .filter(d -> skipped.stream()
                        .noneMatch(d.location().file().toAbsolutePath().normalize()::startsWith))
                .forEach(diagnostics::add);
        return files;
    }

    /** Dot-files and dot-folders (editor backups, .git) are no part of the site. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Parses one lesson; {@code relative} is its path under the content folder. */
    public Lesson load(Path file, Path relative, Diagnostics diagnostics) {
        String text = readUtf8(file);
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        List<String> lines = List.of(body.split("\\r?\\n", -1));
        FrontMatter meta = FrontMatter.NONE;
        int bodyStart = 0;
        if (!lines.isEmpty() && lines.getFirst().strip().equals("---")) {
            int close = 1;
            while (close < lines.size()
                    && !lines.get(close).stripTrailing().equals("---")
                    && !lines.get(close).stripTrailing().equals("...")) {
                close++;
            }
            if (close == lines.size()) {
                throw new InputException(Location.of(file, 1), "front matter opened with '---' is never closed");
            }
            meta = FrontMatter.parse(String.join("\n", lines.subList(1, close)) + "\n", file, 2, diagnostics);
            bodyStart = close + 1;
        }
        String path = relative.toString().replace('\\', '/').replaceFirst("\\.md$", ".html");
        String root = PageRoot.of(path);
        Path contentRoot = file.toAbsolutePath().normalize();
        for (int i = 0; i < relative.getNameCount(); i++) {
            contentRoot = contentRoot.getParent();
        }
        ParseContext parse = new ParseContext(file, contentRoot, root, meta, diagnostics);
        Markdown markdown = new Markdown(parse);
        // the front matter's lines stay, blank, so that offsets in the body give the file's lines
        LessonBody tree = markdown.body(
                "\n".repeat(bodyStart) + String.join("\n", lines.subList(bodyStart, lines.size())) + "\n");
        List<Lesson.TocEntry> toc = parse.toc;
        parse.reportWarnings();
        String title = meta.title().isEmpty() ? file.getFileName().toString().replaceFirst("\\.md$", "") : meta.title();
        return new Lesson(
                file,
                path,
                meta,
                title,
                tree,
                toc,
                List.copyOf(parse.citations.values()),
                inline(meta.questions(), markdown, parse),
                inline(meta.objectives(), markdown, parse),
                inline(meta.keyPoints(), markdown, parse));
    }

    private static List<String> inline(List<String> items, Markdown markdown, ParseContext parse) {
        return items.stream().map(markdown::inline).toList();
    }

    /** h2 entries, each with the h3 that follow it; an h3 before any h2 stands on its own. */
    static List<Lesson.TocEntry> toc(List<Lesson.TocEntry> headings) {
        List<Lesson.TocEntry> top = new ArrayList<>();
        List<Lesson.TocEntry> children = null;
        for (Lesson.TocEntry heading : headings) {
            if (heading.level() == 2 || children == null) {
                if (children != null) {
                    Lesson.TocEntry parent = top.removeLast();
                    top.add(new Lesson.TocEntry(parent.level(), parent.id(), parent.text(), children));
                }
                top.add(heading);
                children = heading.level() == 2 ? new ArrayList<>() : null;
            } else {
                children.add(heading);
            }
        }
        if (children != null && !top.isEmpty()) {
            Lesson.TocEntry parent = top.removeLast();
            top.add(new Lesson.TocEntry(parent.level(), parent.id(), parent.text(), children));
        }
        return top;
    }

    static String tocHtml(List<Lesson.TocEntry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<ol class=\"toc\">");
        for (Lesson.TocEntry entry : entries) {
            html.append("<li><a href=\"#")
                    .append(Html.escape(entry.id()))
                    .append("\">")
                    .append(Html.escape(entry.text()))
                    .append("</a>")
                    .append(tocHtml(entry.children()))
                    .append("</li>");
        }
        return html.append("</ol>").toString();
    }

    /** Reads a file that must be UTF-8, naming the line and column of the first bad byte otherwise. */
    static String readUtf8(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot read: " + e.getMessage(), e);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputException(firstBadByte(file, bytes), "not UTF-8 text (save the file as UTF-8)");
        }
    }

    private static Location firstBadByte(Path file, byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, start, i - start);
                try {
                    decoder.reset().decode(buffer);
                } catch (CharacterCodingException e) {
                    int column =
                            new String(bytes, start, buffer.position() - start, StandardCharsets.UTF_8).length() + 1;
                    return new Location(file, line, column);
                }
                line++;
                start = i + 1;
            }
        }
        return Location.of(file);
    }
}
