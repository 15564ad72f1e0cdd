package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the fenced {@code java} blocks of a lesson and the {@code <!-- snippet: … -->} directives above
 * them. Blocks inside GTN boxes (blockquotes, {@code > } or {@code > > }) are found too.
 */
final class SnippetScanner {

    private static final Pattern FENCE_OPEN = Pattern.compile("^( {0,3})(`{3,}|~{3,})\\s*([^`\\s]*)(.*)$");
    private static final Pattern DIRECTIVE_START = Pattern.compile("^\\s*<!--\\s*snippet:(.*)$");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("\\s*([a-z][a-z-]*)(?:=(\"((?:[^\"\\\\]|\\\\.)*)\"|[^\\s\"]+))?");
    private static final Set<String> KEYS = Set.of(
            "name",
            "use",
            "run",
            "expect",
            "output",
            "kind",
            "compile-error",
            "preview",
            "timeout",
            "file",
            "unordered",
            "partial");
    /** A compilation unit: it has a package line, or a top-level public type at the start of a line. */
    private static final Pattern UNIT = Pattern.compile(
            "(?m)^(?:package\\s+[\\w.]+\\s*;|public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s)");
    /** Words that can only open a member declaration, never a statement. */
    private static final Pattern MEMBER_START = Pattern.compile(
            "^(?:static|private|public|protected|abstract|sealed|record|enum|interface|class|@\\w+)\\b");

    /** A program's file name: what the source launcher accepts and a compact source file's class is named after. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*\\.java");

    private static final int DEFAULT_TIMEOUT_SECONDS = 60;

    private SnippetScanner() {}

    /** Every {@code java} block of {@code file}, in order; {@code shownAs} is the path messages use. */
    static List<Snippet> scan(Path file, Path shownAs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<Snippet> snippets = new ArrayList<>();
        Directive pending = null;
        for (int i = 0; i < lines.size(); i++) {
            int depth = quoteDepth(lines.get(i));
            String line = unquote(lines.get(i), depth);
            Matcher directiveStart = DIRECTIVE_START.matcher(line);
            if (directiveStart.matches()) {
                Location at = Location.of(shownAs, i + 1);
                StringBuilder text = new StringBuilder(directiveStart.group(1));
                while (!text.toString().contains("-->")) {
                    if (++i == lines.size()) {
                        throw new SnippetFailure(at, "snippet directive never closed with -->");
                    }
                    text.append(' ').append(unquote(lines.get(i), depth));
                }
                String body = text.substring(0, text.indexOf("-->"));
                pending = new Directive(at, i + 1, parseAttributes(body, at));
                continue;
            }
            Matcher fence = FENCE_OPEN.matcher(line);
            if (!fence.matches()) {
                requireNoPending(pending, i, line);
                continue;
            }
            String marker = fence.group(2);
            int close = closingFence(lines, i + 1, depth, marker);
            if (close < 0) {
                throw new SnippetFailure(Location.of(shownAs, i + 1), "code fence " + marker + " is never closed");
            }
            if (fence.group(3).equals("java")) {
                List<String> code = new ArrayList<>();
                for (int j = i + 1; j < close; j++) {
                    code.add(unquote(lines.get(j), depth));
                }
                Directive directive = pending != null && pending.lastLine() == i ? pending : null;
                List<Snippet.Shown> shown = List.of();
                if (directive != null && directive.attributes().stream().anyMatch(a -> a[0].equals("output"))) {
                    int[] block = outputBlock(lines, close + 1, directive.at());
                    shown = new ArrayList<>();
                    for (int j = block[0] + 1; j < block[1]; j++) {
                        shown.add(new Snippet.Shown(
                                Location.of(shownAs, j + 1), unquote(lines.get(j), quoteDepth(lines.get(block[0])))));
                    }
                }
                snippets.add(snippet(Location.of(shownAs, i + 2), String.join("\n", code), directive, shown));
            } else if (pending != null) {
                throw new SnippetFailure(pending.at(), "snippet directive must stand right above a ```java fence");
            }
            pending = null;
            i = close;
        }
        if (pending != null) {
            throw new SnippetFailure(pending.at(), "snippet directive must stand right above a ```java fence");
        }
        return snippets;
    }

    private static void requireNoPending(Directive pending, int index, String line) {
        if (pending != null && pending.lastLine() == index) {
            throw new SnippetFailure(
                    pending.at(),
                    "snippet directive must stand right above a ```java fence, not above '" + line.strip() + "'");
        }
    }

    /** The directive above a fence: where it starts, the index of the line after it, and its attributes. */
    private record Directive(Location at, int lastLine, List<String[]> attributes) {}

    /**
     * The fence that shows a snippet's output: the next fenced block after the snippet, which must not be
     * another {@code java} block. Returns the indexes of its opening and closing lines.
     */
    private static int[] outputBlock(List<String> lines, int from, Location directive) {
        for (int j = from; j < lines.size(); j++) {
            int depth = quoteDepth(lines.get(j));
            Matcher fence = FENCE_OPEN.matcher(unquote(lines.get(j), depth));
            if (fence.matches()) {
                int close = closingFence(lines, j + 1, depth, fence.group(2));
                if (fence.group(3).equals("java") || close < 0) {
                    break;
                }
                return new int[] {j, close};
            }
        }
        throw new SnippetFailure(
                directive, "'output' needs a fenced block (e.g. ```text) after the snippet, showing what it prints");
    }

    private static Snippet snippet(Location location, String code, Directive directive, List<Snippet.Shown> shown) {
        Snippet.Kind kind = detectKind(code);
        Optional<String> name = Optional.empty();
        List<String> uses = new ArrayList<>();
        boolean run = false;
        List<String> expects = new ArrayList<>();
        Optional<String> compileError = Optional.empty();
        boolean preview = false;
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        Optional<String> file = Optional.empty();
        boolean unordered = false;
        boolean partial = false;
        for (String[] attribute : directive == null ? List.<String[]>of() : directive.attributes()) {
            String key = attribute[0];
            String value = attribute[1];
            Location at = directive.at();
            switch (key) {
                case "name" -> name = Optional.of(required(key, value, at));
                case "use" -> uses.addAll(List.of(required(key, value, at).split("\\s*,\\s*")));
                case "run", "output" -> run = true;
                case "expect" -> {
                    expects.add(validRegex(required(key, value, at), at));
                    run = true;
                }
                case "kind" -> {
                    try {
                        kind = Snippet.Kind.valueOf(required(key, value, at).toUpperCase(java.util.Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new SnippetFailure(at, "unknown kind '" + value + "' (choose unit, members or body)");
                    }
                }
                case "compile-error" -> compileError = Optional.of(validRegex(required(key, value, at), at));
                case "preview" -> preview = true;
                case "unordered" -> unordered = true;
                case "partial" -> partial = true;
                case "timeout" -> timeout = Integer.parseInt(required(key, value, at));
                case "file" -> {
                    String fileName = required(key, value, at);
                    if (!FILE_NAME.matcher(fileName).matches()) {
                        throw new SnippetFailure(
                                at,
                                "file=\"" + fileName
                                        + "\" is no Java source file name (write e.g. file=\"Squares.java\")");
                    }
                    file = Optional.of(fileName);
                    kind = Snippet.Kind.PROGRAM;
                }
                default -> throw new IllegalStateException(key);
            }
        }
        if (compileError.isPresent() && run) {
            throw new SnippetFailure(directive.at(), "a snippet that must not compile cannot be run");
        }
        if (file.isPresent() && !uses.isEmpty()) {
            throw new SnippetFailure(
                    directive.at(), "a program (file=) is a whole file a reader saves: it cannot 'use' other snippets");
        }
        return new Snippet(
                location,
                code,
                kind,
                name,
                uses,
                run,
                expects,
                compileError,
                preview,
                timeout,
                shown,
                file,
                unordered,
                partial);
    }

    static Snippet.Kind detectKind(String code) {
        if (UNIT.matcher(code).find()) {
            return Snippet.Kind.UNIT;
        }
        for (String line : code.lines().toList()) {
            String stripped = line.strip();
            if (stripped.isEmpty()
                    || stripped.startsWith("//")
                    || stripped.startsWith("/*")
                    || stripped.startsWith("*")
                    || stripped.startsWith("import ")) {
                continue;
            }
            return MEMBER_START.matcher(stripped).find() ? Snippet.Kind.MEMBERS : Snippet.Kind.BODY;
        }
        return Snippet.Kind.BODY;
    }

    private static List<String[]> parseAttributes(String text, Location at) {
        List<String[]> attributes = new ArrayList<>();
        Matcher matcher = ATTRIBUTE.matcher(text);
        int position = 0;
        while (position < text.length() && !text.substring(position).isBlank()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new SnippetFailure(
                        at,
                        "cannot read snippet directive from '"
                                + text.substring(position).strip() + "' (write key or key=\"value\")");
            }
            String key = matcher.group(1);
            if (!KEYS.contains(key)) {
                throw new SnippetFailure(
                        at,
                        "unknown snippet directive '" + key + "' (known: "
                                + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            String value = matcher.group(3) != null ? matcher.group(3).replace("\\\"", "\"") : matcher.group(2);
            attributes.add(new String[] {key, value});
            position = matcher.end();
        }
        return attributes;
    }

    private static String required(String key, String value, Location at) {
        if (value == null || value.isBlank()) {
            throw new SnippetFailure(at, "snippet directive '" + key + "' needs a value: " + key + "=\"…\"");
        }
        return value;
    }

    private static String validRegex(String regex, Location at) {
        try {
            Pattern.compile(regex);
            return regex;
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new SnippetFailure(at, "bad regular expression in snippet directive: " + e.getMessage());
        }
    }

    /** The index of the line that closes a fence opened with {@code marker}, or -1. */
    private static int closingFence(List<String> lines, int from, int depth, String marker) {
        Pattern close =
                Pattern.compile("^ {0,3}" + Pattern.quote(marker.substring(0, 1)) + "{" + marker.length() + ",}\\s*$");
        for (int j = from; j < lines.size(); j++) {
            if (close.matcher(unquote(lines.get(j), depth)).matches()) {
                return j;
            }
        }
        return -1;
    }

    /** How many blockquote markers ({@code >}) open a line. */
    static int quoteDepth(String line) {
        int depth = 0;
        int i = 0;
        while (true) {
            int spaces = 0;
            while (i < line.length() && line.charAt(i) == ' ' && spaces < 3) {
                i++;
                spaces++;
            }
            if (i < line.length() && line.charAt(i) == '>') {
                depth++;
                i++;
                if (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
            } else {
                return depth;
            }
        }
    }

    /** The line without its first {@code depth} blockquote markers. */
    static String unquote(String line, int depth) {
        int i = 0;
        for (int d = 0; d < depth; d++) {
            int spaces = 0;
            while (i < line.length() && line.charAt(i) == ' ' && spaces < 3) {
                i++;
                spaces++;
            }
            if (i >= line.length() || line.charAt(i) != '>') {
                return line.substring(Math.min(i, line.length()));
            }
            i++;
            if (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return line.substring(i);
    }
}
