package io.github.poolbench.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line a refused build prints is the first error, whole. */
class InputExceptionTest {

    private static final Path RESULTS = Path.of("results", "lab", "jmh.json");

    @Test
    void theMessageIsTheFirstErrorsWholeLine() {
        InputException error = new InputException(List.of(
                new Diagnostic(Diagnostic.Severity.ERROR, new Location(RESULTS, 3, 14), "malformed JSON: a comma"),
                new Diagnostic(Diagnostic.Severity.ERROR, Location.of(RESULTS), "no benchmark records")));
        assertEquals("results/lab/jmh.json:3:14: error: malformed JSON: a comma", error.getMessage());
    }

    @Test
    void oneErrorKeepsTheCauseItCameFrom() {
        IOException cause = new IOException("disk gone");
        InputException error = new InputException(Location.of(RESULTS), "cannot read: disk gone", cause);
        assertSame(cause, error.getCause());
    }
}
