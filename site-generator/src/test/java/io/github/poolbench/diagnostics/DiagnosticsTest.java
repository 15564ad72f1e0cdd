package io.github.poolbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a build collects, and when it stops: each rule one test, with the whole line a user reads. */
class DiagnosticsTest {

    private static final Location AT = new Location(Path.of("content", "index.md"), 7, 3);

    @Test
    void aWarningPrintsWithItsPlaceAndSeverity() {
        Diagnostics diagnostics = new Diagnostics(false);
        diagnostics.warn(AT, "unknown box type 'hint'");
        assertEquals(
                List.of("content/index.md:7:3: warning: unknown box type 'hint'"),
                diagnostics.all().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void underStrictAWarningIsAnError() {
        Diagnostics diagnostics = new Diagnostics(true);
        diagnostics.warn(AT, "unknown box type 'hint'");
        assertEquals(
                List.of("content/index.md:7:3: error: unknown box type 'hint'"),
                diagnostics.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void withoutStrictAWarningIsNoError() {
        Diagnostics diagnostics = new Diagnostics(false);
        diagnostics.warn(AT, "unknown box type 'hint'");
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
                thrown.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void warningsAndErrorsAreKeptApart() {
        Diagnostics diagnostics = new Diagnostics(false);
        diagnostics.error(AT, "broken");
        diagnostics.warn(AT, "odd");
        assertEquals(
                List.of("content/index.md:7:3: warning: odd"),
                diagnostics.warnings().stream().map(Diagnostic::toString).toList());
    }
}
