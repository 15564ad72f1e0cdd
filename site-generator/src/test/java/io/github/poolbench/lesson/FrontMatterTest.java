package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The front matter read into its types, with its file's lines and columns in every message. */
class FrontMatterTest {

    private static final Path FILE = Path.of("lesson.md");

    private final Diagnostics diagnostics = new Diagnostics(false);

    private FrontMatter parse(String yaml) {
        return FrontMatter.parse(yaml, FILE, 2, diagnostics);
    }

    @Test
    void gtnKeysAreTypedAndUnknownOnesKept() {
        FrontMatter meta = parse("""
                title: Pools
                priority: 3
                contributors: [ada]
                contributions:
                  authorship: [linus]
                  testing: [grace]
                abbreviations:
                  JVM: Java Virtual Machine
                zenodo_link: ''
                """);

        assertEquals("Pools", meta.title());
        assertEquals(3, meta.priority());
        assertEquals(Map.of("authorship", List.of("ada", "linus"), "testing", List.of("grace")), meta.contributions());
        assertEquals(Map.of("JVM", "Java Virtual Machine"), meta.abbreviations());
        assertEquals("", meta.raw().get("zenodo_link"), "unknown keys stay in raw");
        assertEquals(List.of(), diagnostics.all());
    }

    @Test
    void aTimeThatIsNoDurationIsAWarningAtItsValue() {
        FrontMatter meta = parse("title: Pools\ntime_estimation: soon\n");

        assertEquals("soon", meta.timeEstimation());
        assertEquals(
                List.of("lesson.md:3:18: warning: time_estimation 'soon' is not a duration such as 30M or 1H30M; "
                        + "shown as written"),
                diagnostics.all().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aWronglyTypedValueIsAnErrorAtItsKey() {
        InputException error = assertThrows(InputException.class, () -> parse("title: Pools\npriority: soon\n"));

        assertEquals(
                List.of("lesson.md:3:1: error: 'priority' must be a whole number, not 'soon'"),
                error.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void emptyFrontMatterIsNone() {
        assertEquals(FrontMatter.NONE, parse(""));
    }
}
