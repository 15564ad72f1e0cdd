package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GTN's boxes from block quotes: the irregular ones render, with a warning each. */
class BoxExtensionTest {

    @TempDir
    Path folder;

    @Test
    void anUnknownTypeIsAPlainBox() {
        assertEquals(
                List.of("1: warning: unknown box type 'puzzle' (known: question, solution, hands-on, tip, comment, "
                        + "details, warning, agenda, code-in, code-out); shown as a plain box"),
                RenderedBody.of(folder, "> <puzzle-title>Odd</puzzle-title>\n> Text.\n{: .puzzle}\n")
                        .diagnostics());
    }

    @Test
    void aBoxNeverClosedEndsWithItsQuote() {
        assertEquals(
                List.of("1: warning: the tip box starting here is never closed with {: .tip}; it ends at line 2"),
                RenderedBody.of(folder, "> <tip-title>Hint</tip-title>\n> Text.\n\nAfter.\n")
                        .diagnostics());
    }

    @Test
    void theOldHeadingTitleIsRenderedAsABoxWithAWarning() {
        assertEquals(
                List.of("1: warning: old box title form '### {% icon tip %} …': write <tip-title>…</tip-title> "
                        + "instead; rendered as a box all the same"),
                RenderedBody.of(folder, "> ### {% icon tip %} Hint\n> Text.\n{: .tip}\n")
                        .diagnostics());
    }
}
