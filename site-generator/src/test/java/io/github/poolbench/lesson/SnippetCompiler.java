package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.pool.WorkerPool;
import io.github.poolbench.workload.Primes;
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
 * Compiles snippets in-process with {@code javax.tools}. Programs ({@code file="Name.java"}) and whole units
 * compile as written; fragments are wrapped in a generated class in the unnamed package, where a reader's
 * compact source file lives too. The classpath holds only the project's public packages
 * ({@code io.github.poolbench.pool} and {@code io.github.poolbench.workload}) besides the JDK, so a snippet
 * that reaches for anything else fails here as it would for a reader.
 */
final class SnippetCompiler {

    /** What a fragment sees without importing it: what a compact source file imports, plus the public packages. */
    static final List<String> IMPLICIT_IMPORTS = List.of(
            "import module java.base;", "import io.github.poolbench.pool.*;", "import io.github.poolbench.workload.*;");

    /** Each public package, and a class of it that finds where its classes are. */
    private static final Map<String, Class<?>> PUBLIC_PACKAGES =
            Map.of("io/github/poolbench/pool/", WorkerPool.class, "io/github/poolbench/workload/", Primes.class);

    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:(?:final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern DECLARES_MAIN = Pattern.compile("\\bvoid\\s+main\\s*\\(");

    /**
     * A compiled snippet: where its classes are, which class to run, its source as compiled, and the folder
     * of the public API's classes (what a reader has as {@code poolbench-pool.jar}).
     */
    record Compiled(Snippet snippet, Path classes, String mainClass, String source, Path api, Path poolJar) {}

    /** The file name of the pool's jar, as the site offers it for download. */
    static final String POOL_JAR = "poolbench-pool.jar";

    /** Generated source and, per line, the lesson line it came from (null for generated lines). */
    record Unit(String className, String source, List<Location> origins) {}

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path api;
    private final Path poolJar;

    /** @param work a scratch folder; the public API's classes are copied into it */
    SnippetCompiler(Path work) {
        this.api = copyPublicApi(work.resolve("api"));
        this.poolJar = poolJar(api, work.resolve(POOL_JAR));
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
        List<String> options = new ArrayList<>(List.of(
                "-d",
                out.toString(),
                "-cp",
                api.toString(),
                "-proc:none",
                "-implicit:none",
                "-Xlint:all,-serial,-processing,-preview",
                "-Werror",
                "-encoding",
                "UTF-8"));
        if (snippet.preview()) {
            options.addAll(List.of(
                    "--enable-preview",
                    "--release",
                    String.valueOf(Runtime.version().feature())));
        }
        boolean compiled;
        try {
            Files.createDirectories(out);
            StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null);
            compiled = javac.getTask(null, files, diagnostics, options, null, List.of(source(unit, snippet)))
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                        || d.getKind() == Diagnostic.Kind.WARNING
                        || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                .map(d -> problem(d, unit, snippet))
                .toList();
        List<String> errors = problems.stream().map(Problem::toString).toList();
        if (snippet.compileError().isPresent()) {
            Pattern expected = Pattern.compile(snippet.compileError().get());
            if (compiled) {
                throw new SnippetFailure(
                        snippet.location(),
                        "the lesson says this does not compile, but it does (expected an error matching /" + expected
                                + "/)");
            }
            if (errors.stream().noneMatch(e -> expected.matcher(e).find())) {
                throw new SnippetFailure(
                        snippet.location(),
                        "fails to compile, but not with an error matching /" + expected + "/:\n"
                                + String.join("\n", errors));
            }
            return Optional.empty();
        }
        if (!compiled || !problems.isEmpty()) {
            Location at = problems.isEmpty()
                    ? snippet.location()
                    : problems.getFirst().at();
            String first = problems.isEmpty()
                    ? "does not compile"
                    : problems.getFirst().message();
            throw new SnippetFailure(
                    at,
                    first
                            + (errors.size() > 1 ? "\n" + String.join("\n", errors.subList(1, errors.size())) : "")
                            + "\n--- the snippet of " + snippet.location() + ", compiled as ---\n"
                            + numbered(unit.source()));
        }
        return Optional.of(new Compiled(snippet, out, unit.className(), unit.source(), api, poolJar));
    }

    /** The compilation unit for a snippet: itself when whole, else a generated class around it. */
    static Unit unit(Snippet snippet, Map<String, Snippet> named) {
        if (snippet.kind() == Snippet.Kind.PROGRAM) {
            String file = snippet.file()
                    .orElseThrow(() -> new SnippetFailure(snippet.location(), "kind=program needs file=\"Name.java\""));
            List<Location> origins = new ArrayList<>();
            for (int i = 0; i < snippet.lines().size(); i++) {
                origins.add(snippet.location().plusLines(i));
            }
            Matcher pkg = PACKAGE_LINE.matcher(snippet.code());
            String simple = file.substring(0, file.length() - ".java".length());
            return new Unit(pkg.find() ? pkg.group(1) + "." + simple : simple, snippet.code(), origins);
        }
        if (snippet.kind() == Snippet.Kind.UNIT) {
            if (!snippet.uses().isEmpty()) {
                throw new SnippetFailure(snippet.location(), "a whole compilation unit cannot 'use' other snippets");
            }
            Matcher type = PUBLIC_TYPE.matcher(snippet.code());
            if (!type.find()) {
                throw new SnippetFailure(
                        snippet.location(), "a whole compilation unit needs a public top-level type to name its file");
            }
            Matcher pkg = PACKAGE_LINE.matcher(snippet.code());
            String className = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
            List<Location> origins = new ArrayList<>();
            for (int i = 0; i < snippet.lines().size(); i++) {
                origins.add(snippet.location().plusLines(i));
            }
            return new Unit(className, snippet.code(), origins);
        }
        List<Snippet> chain =
                new ArrayList<>(withUses(snippet, named, new LinkedHashMap<>()).values());
        String simpleName = className(snippet.location());
        Source source = new Source();
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
        return new Unit(simpleName, source.text.toString(), source.origins);
    }

    /** The snippets {@code snippet} uses, transitively and in order, then itself. */
    private static Map<String, Snippet> withUses(
            Snippet snippet, Map<String, Snippet> named, Map<String, Snippet> chain) {
        for (String use : snippet.uses()) {
            Snippet used = named.get(use);
            if (used == null) {
                throw new SnippetFailure(
                        snippet.location(),
                        "uses snippet '" + use + "', but no snippet of this lesson has name=\"" + use + "\" (names: "
                                + String.join(", ", named.keySet()) + ")");
            }
            if (used.kind() == Snippet.Kind.UNIT || used.kind() == Snippet.Kind.PROGRAM) {
                throw new SnippetFailure(
                        snippet.location(), "cannot use '" + use + "': it is a whole compilation unit");
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
        Location at =
                line >= 1 && line <= unit.origins().size() && unit.origins().get((int) line - 1) != null
                        ? unit.origins().get((int) line - 1)
                        : snippet.location();
        String kind = d.getKind() == Diagnostic.Kind.ERROR ? "error" : "warning";
        String code = line >= 1
                ? unit.source().lines().skip(line - 1).findFirst().orElse("").strip()
                : "";
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

    private static JavaFileObject source(Unit unit, Snippet snippet) {
        // A program keeps its file name: a compact source file's class is named after it.
        String path = snippet.kind() == Snippet.Kind.PROGRAM
                ? unit.className().replace('.', '/').replaceFirst("[^/]+$", "")
                        + snippet.file().orElseThrow()
                : unit.className().replace('.', '/') + ".java";
        return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return unit.source();
            }
        };
    }

    /**
     * The jar as a reader downloads it: the very bytes the site publishes ({@code PoolJar}), the pool and the
     * workloads.
     */
    private static Path poolJar(Path api, Path to) {
        try {
            io.github.poolbench.site.PoolJar.write(to);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + POOL_JAR, e);
        }
    }

    /**
     * Copies the classes of the public packages, and nothing else, from wherever each is on the test
     * classpath (a classes folder in a reactor build, a jar otherwise).
     */
    private static Path copyPublicApi(Path to) {
        try {
            for (Map.Entry<String, Class<?>> pkg : PUBLIC_PACKAGES.entrySet()) {
                Path from = Path.of(pkg.getValue()
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                if (Files.isDirectory(from)) {
                    try (Stream<Path> walk = Files.walk(from.resolve(pkg.getKey()))) {
                        for (Path file : walk.filter(Files::isRegularFile).toList()) {
                            Path target = to.resolve(from.relativize(file).toString());
                            Files.createDirectories(target.getParent());
                            Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                } else {
                    try (JarFile jar = new JarFile(from.toFile())) {
                        for (JarEntry entry : jar.stream().toList()) {
                            if (!entry.isDirectory() && entry.getName().startsWith(pkg.getKey())) {
                                Path target = to.resolve(entry.getName());
                                Files.createDirectories(target.getParent());
                                try (InputStream in = jar.getInputStream(entry)) {
                                    Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                                }
                            }
                        }
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the public API classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
