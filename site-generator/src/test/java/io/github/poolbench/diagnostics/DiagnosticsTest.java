package io.github.poolbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a build collects, and when it stops: each rule one test, with the whole line a user reads. */
class DiagnosticsTest {

    private static final Location AT = new Location(Path.of("content", "index.md"), 7, 3);

    /** A build's diagnostics, strict or not, after one warning about a box type. */
    private static Diagnostics warned(boolean strict) {
        Diagnostics diagnostics = new Diagnostics(strict);
        diagnostics.warn(AT, "unknown box type 'hint'");
        return diagnostics;
    }

    private static List<String> lines(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aWarningPrintsWithItsPlaceAndSeverity() {
        assertEquals(
                List.of("content/index.md:7:3: warning: unknown box type 'hint'"),
                lines(warned(false).all()));
    }

    @Test
    void underStrictAWarningIsAnError() {
        assertEquals(
                List.of("content/index.md:7:3: error: unknown box type 'hint'"),
                lines(warned(true).errors()));
    }

    @Test
    void withoutStrictAWarningIsNoError() {
        Diagnostics diagnostics = warned(false);
        diagnostics.throwIfErrors();
        assertEquals(List.of(), diagnostics.errors());
    }

    @Test
    void theErrorsStopTheBuildTogetherInTheOrderFound() {
        Diagnostics diagnostics = new Diagnostics(false);
        diagnostics.error(AT, "first");
        diagnostics.warn(AT, "a warning is not thrown");
        diagnostics.error(AT.plusLines(2), "second");
        InputException thrown = assertThrows(InputException.class, diagnostics::throwIfErrors);
        assertEquals(
                List.of("content/index.md:7:3: error: first", "content/index.md:9: error: second"),
                lines(thrown.errors()));
    }

    @Test
    void warningsAndErrorsAreKeptApart() {
        Diagnostics diagnostics = new Diagnostics(false);
        diagnostics.error(AT, "broken");
        diagnostics.warn(AT, "odd");
        assertEquals(List.of("content/index.md:7:3: warning: odd"), lines(diagnostics.warnings()));
    }
}
