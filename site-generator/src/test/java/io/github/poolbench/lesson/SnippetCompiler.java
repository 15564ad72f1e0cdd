package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.pool.WorkerPool;
import io.github.poolbench.workload.Sleep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles snippets in-process with {@code javax.tools}. Fragments are wrapped in a generated class of
 * package {@value #PACKAGE}; whole units compile as written. The classpath holds only the project's public
 * packages ({@code io.github.poolbench.pool} and {@code io.github.poolbench.workload}) besides the JDK, so a
 * snippet that reaches for anything else fails here as it would for a reader.
 */
final class SnippetCompiler {

    /** The package of every generated class; lessons allow it in PROCESS pools as {@code com.example.**}. */
    static final String PACKAGE = "com.example";

    /** What a fragment sees without importing it, as documented in the lessons. */
    static final List<String> IMPLICIT_IMPORTS = List.of(
            "import module java.base;", "import io.github.poolbench.pool.*;", "import io.github.poolbench.workload.*;");

    private static final List<String> PUBLIC_PACKAGES = List.of("io/github/poolbench/pool/", "io/github/poolbench/workload/");
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern DECLARES_MAIN = Pattern.compile("\\bvoid\\s+main\\s*\\(");

    /** A compiled snippet: where its classes are and which class to run. */
    record Compiled(Snippet snippet, Path classes, String mainClass) {}

    /** Generated source and, per line, the lesson line it came from (null for generated lines). */
    record Unit(String className, String source, List<Location> origins) {}

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path api;

    /** @param work a scratch folder; the public API's classes are copied into it */
    SnippetCompiler(Path work) {
        this.api = copyPublicApi(work.resolve("api"));
    }

    /**
     * Compiles {@code snippet} (after the snippets it uses, found by name in {@code named}) into
     * {@code out}. A snippet marked {@code compile-error} must fail with a matching error instead, and
     * yields no classes.
     *
     * @throws SnippetFailure naming the lesson's file and line of the first error
     */
    Optional<Compiled> compile(Snippet snippet, Map<String, Snippet> named, Path out) {
        Unit unit = unit(snippet, named);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = new ArrayList<>(List.of("-d", out.toString(), "-cp", api.toString(), "-proc:none",
                "-implicit:none", "-Xlint:all,-serial,-processing,-preview", "-Werror", "-encoding", "UTF-8"));
        if (snippet.preview()) {
            options.addAll(List.of("--enable-preview", "--release", String.valueOf(Runtime.version().feature())));
        }
        boolean compiled;
        try {
            Files.createDirectories(out);
            StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
            compiled = javac.getTask(null, files, diagnostics, options, null, List.of(source(unit))).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> problem(d, unit, snippet))
                .toList();
        List<String> errors = problems.stream().map(Problem::toString).toList();
        if (snippet.compileError().isPresent()) {
            Pattern expected = Pattern.compile(snippet.compileError().get());
            if (compiled) {
                throw new SnippetFailure(snippet.location(), "the lesson says this does not compile, but it does (expected an error matching /"
                        + expected + "/)");
            }
            if (errors.stream().noneMatch(e -> expected.matcher(e).find())) {
                throw new SnippetFailure(snippet.location(), "fails to compile, but not with an error matching /" + expected
                        + "/:\n" + String.join("\n", errors));
            }
            return Optional.empty();
        }
        if (!compiled || !problems.isEmpty()) {
            Location at = problems.isEmpty() ? snippet.location() : problems.getFirst().at();
            String first = problems.isEmpty() ? "does not compile" : problems.getFirst().message();
            throw new SnippetFailure(at, first
                    + (errors.size() > 1 ? "\n" + String.join("\n", errors.subList(1, errors.size())) : "")
                    + "\n--- the snippet of " + snippet.location() + ", compiled as ---\n" + numbered(unit.source()));
        }
        return Optional.of(new Compiled(snippet, out, unit.className()));
    }

    /** The compilation unit for a snippet: itself when whole, else a generated class around it. */
    static Unit unit(Snippet snippet, Map<String, Snippet> named) {
        if (snippet.kind() == Snippet.Kind.UNIT) {
            if (!snippet.uses().isEmpty()) {
                throw new SnippetFailure(snippet.location(), "a whole compilation unit cannot 'use' other snippets");
            }
            Matcher type = PUBLIC_TYPE.matcher(snippet.code());
            if (!type.find()) {
                throw new SnippetFailure(snippet.location(), "a whole compilation unit needs a public top-level type to name its file");
            }
            Matcher pkg = PACKAGE_LINE.matcher(snippet.code());
            String className = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
            List<Location> origins = new ArrayList<>();
            for (int i = 0; i < snippet.lines().size(); i++) {
                origins.add(snippet.location().plusLines(i));
            }
            return new Unit(className, snippet.code(), origins);
        }
        List<Snippet> chain = new ArrayList<>(withUses(snippet, named, new LinkedHashMap<>()).values());
        String simpleName = className(snippet.location());
        Source source = new Source();
        source.generated("package " + PACKAGE + ";");
        IMPLICIT_IMPORTS.forEach(source::generated);
        for (Snippet part : chain) {
            source.lines(part, true);
        }
        source.generated("public class " + simpleName + " {");
        boolean hasMain = false;
        for (Snippet part : chain) {
            if (part.kind() == Snippet.Kind.MEMBERS) {
                source.lines(part, false);
                hasMain |= DECLARES_MAIN.matcher(part.code()).find();
            }
        }
        if (!hasMain) {
            source.generated("public static void main(String[] args) throws Exception {");
            for (Snippet part : chain) {
                if (part.kind() == Snippet.Kind.BODY) {
                    source.lines(part, false);
                }
            }
            source.generated("}");
        } else if (chain.stream().anyMatch(part -> part.kind() == Snippet.Kind.BODY)) {
            throw new SnippetFailure(snippet.location(), "statements cannot join snippets that declare their own main");
        }
        source.generated("}");
        return new Unit(PACKAGE + "." + simpleName, source.text.toString(), source.origins);
    }

    /** The snippets {@code snippet} uses, transitively and in order, then itself. */
    private static Map<String, Snippet> withUses(Snippet snippet, Map<String, Snippet> named, Map<String, Snippet> chain) {
        for (String use : snippet.uses()) {
            Snippet used = named.get(use);
            if (used == null) {
                throw new SnippetFailure(snippet.location(), "uses snippet '" + use + "', but no snippet of this lesson has name=\""
                        + use + "\" (names: " + String.join(", ", named.keySet()) + ")");
            }
            if (used.kind() == Snippet.Kind.UNIT) {
                throw new SnippetFailure(snippet.location(), "cannot use '" + use + "': it is a whole compilation unit");
            }
            if (!chain.containsKey(use)) {
                withUses(used, named, chain);
            }
        }
        chain.putIfAbsent(snippet.name().orElse("#" + snippet.location()), snippet);
        return chain;
    }

    /** Source text being generated, with the lesson line of each line. */
    private static final class Source {
        private final StringBuilder text = new StringBuilder();
        private final List<Location> origins = new ArrayList<>();

        void generated(String line) {
            text.append(line).append('\n');
            origins.add(null);
        }

        /** Adds a snippet's import lines ({@code imports}) or all its other lines. */
        void lines(Snippet snippet, boolean imports) {
            List<String> lines = snippet.lines();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith("import ") == imports) {
                    text.append(lines.get(i)).append('\n');
                    origins.add(snippet.location().plusLines(i));
                }
            }
        }
    }

    /** A class name from the lesson's file name and line, e.g. {@code PoolsAndParallelism42}. */
    private static String className(Location location) {
        String stem = location.file().getFileName().toString().replaceFirst("\\.md$", "");
        StringBuilder name = new StringBuilder();
        for (String word : stem.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name.insert(0, "Snippet");
        }
        return name.append(location.line()).toString();
    }

    /** One compiler message, placed on the lesson's line. */
    private record Problem(Location at, String message) {
        @Override
        public String toString() {
            return at + ": " + message;
        }
    }

    private static Problem problem(Diagnostic<? extends JavaFileObject> d, Unit unit, Snippet snippet) {
        long line = d.getLineNumber();
        Location at = line >= 1 && line <= unit.origins().size() && unit.origins().get((int) line - 1) != null
                ? unit.origins().get((int) line - 1)
                : snippet.location();
        String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
        String code = line >= 1 ? unit.source().lines().skip(line - 1).findFirst().orElse("").strip() : "";
        return new Problem(at, kind + ": " + d.getMessage(Locale.ROOT) + (code.isEmpty() ? "" : "\n    " + code));
    }

    private static String numbered(String source) {
        List<String> lines = source.lines().toList();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines.get(i)));
        }
        return out.toString();
    }

    private static JavaFileObject source(Unit unit) {
        String path = unit.className().replace('.', '/') + ".java";
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit.source();
            }
        };
    }

    /**
     * Copies the classes of the public packages, and nothing else, from wherever the benchmarks module
     * is on the test classpath (its classes folder in a reactor build, its jar otherwise).
     */
    private static Path copyPublicApi(Path to) {
        // The pool and the workloads live in two modules now: copy from where each of them is.
        for (Class<?> anchor : List.of(WorkerPool.class, Sleep.class)) {
            copyPublicApi(anchor, to);
        }
        return to;
    }

    private static void copyPublicApi(Class<?> anchor, Path to) {
        try {
            Path from = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(from)) {
                for (String pkg : PUBLIC_PACKAGES) {
                    Path dir = from.resolve(pkg);
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (Stream<Path> walk = Files.walk(dir)) {
                        for (Path file : walk.filter(Files::isRegularFile).toList()) {
                            Path target = to.resolve(from.relativize(file).toString());
                            Files.createDirectories(target.getParent());
                            Files.copy(file, target);
                        }
                    }
                }
            } else {
                try (JarFile jar = new JarFile(from.toFile())) {
                    for (JarEntry entry : jar.stream().toList()) {
                        if (!entry.isDirectory() && PUBLIC_PACKAGES.stream().anyMatch(entry.getName()::startsWith)) {
                            Path target = to.resolve(entry.getName());
                            Files.createDirectories(target.getParent());
                            try (InputStream in = jar.getInputStream(entry)) {
                                Files.copy(in, target);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the public API classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
