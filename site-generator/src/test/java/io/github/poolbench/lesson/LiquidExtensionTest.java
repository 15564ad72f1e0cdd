package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Liquid in a lesson: what this site cannot resolve is left out, with a warning at its line and column. */
class LiquidExtensionTest {

    @TempDir
    Path folder;

    @Test
    void aTagThisSiteCannotResolveIsLeftOut() {
        assertEquals(
                new RenderedBody(
                        "<p>See  here.</p>\n",
                        List.of("1:5: warning: cannot resolve the Liquid tag {% youtube %}; it is left out")),
                RenderedBody.of(folder, "See {% youtube abc %} here.\n"));
    }

    @Test
    void aTagNotClosedOnItsLineStaysAsText() {
        assertEquals(
                new RenderedBody(
                        "<p>Then {% icon tip here.</p>\n",
                        List.of("1:6: warning: a Liquid tag opened with {% is not closed with %} on the same line")),
                RenderedBody.of(folder, "Then {% icon tip here.\n"));
    }

    @Test
    void rawNeverClosedIsWarnedAboutAtItsLine() {
        assertEquals(
                List.of("2: warning: {% raw %} is never closed with {% endraw %}"),
                RenderedBody.of(folder, "Text.\n{% raw %} and {{ x }}\n").diagnostics());
    }
}
