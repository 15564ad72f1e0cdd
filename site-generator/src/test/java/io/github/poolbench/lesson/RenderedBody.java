package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A body parsed by {@link Markdown} with the dialect's extensions, without front matter or the
 * loader around it, rendered with each result node as {@code [kind id]}; and what the parse
 * reported, each as {@code line[:column]: severity: message}. For the unit tests of Markdown and
 * of each extension.
 */
record RenderedBody(String html, List<String> diagnostics) {

    static RenderedBody of(Path folder, String markdown) {
        Diagnostics diagnostics = new Diagnostics(false);
        ParseContext parse = new ParseContext(folder.resolve("lesson.md"), folder, "", FrontMatter.NONE, diagnostics);
        LessonBody body = new Markdown(parse).body(markdown);
        parse.reportWarnings();
        String html = body.html(node -> "[" + node.kind().word + " " + node.id() + "]");
        return new RenderedBody(
                html, diagnostics.all().stream().map(RenderedBody::line).toList());
    }

    private static String line(Diagnostic d) {
        int column = d.location().column();
        return d.location().line() + (column > 0 ? ":" + column : "") + ": "
                + d.severity().name().toLowerCase(Locale.ROOT) + ": " + d.message();
    }
}
