package io.github.poolbench.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SVG allow-list, one thing it keeps or drops per test, with the whole warning a lesson's author reads. */
class SvgSanitizerTest {

    private static final Path FILE = Path.of("content", "images", "x.svg");
    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n";

    private final Diagnostics diagnostics = new Diagnostics(false);

    private Optional<String> sanitise(String svg) {
        return SvgSanitizer.sanitise(FILE, svg.getBytes(StandardCharsets.UTF_8), diagnostics)
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private List<String> said() {
        return diagnostics.all().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aDrawingIsPublishedByteForByteWithoutAWord() {
        byte[] drawing = (OPEN + "<circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"url(#g)\"/>\n</svg>\n")
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(
                drawing, SvgSanitizer.sanitise(FILE, drawing, diagnostics).orElseThrow());
        assertEquals(List.of(), said());
    }

    @Test
    void aScriptIsDroppedWithWhatItHoldsAndAWarningAtItsLine() {
        String published = sanitise(OPEN + "<script>alert(1)</script>\n<rect width=\"1\" height=\"1\"/>\n</svg>\n")
                .orElseThrow();
        assertEquals(
                List.of("content/images/x.svg:2:9: warning: SVG: dropped <script> and what it holds: an SVG may hold "
                        + "only drawing elements (no script, foreignObject, animation or other markup)"),
                said());
        assertFalse(published.contains("alert"), published);
    }

    @Test
    void anEventHandlerIsDroppedAndTheElementKept() {
        String published = sanitise(OPEN + "<rect width=\"1\" height=\"1\" onclick=\"steal()\"/>\n</svg>\n")
                .orElseThrow();
        assertEquals(
                List.of("content/images/x.svg:2:47: warning: SVG: dropped onclick=\"steal()\" on <rect>: "
                        + "an event handler runs code"),
                said());
        assertTrue(published.contains("<rect width=\"1\" height=\"1\"") && !published.contains("steal"), published);
    }

    @Test
    void aReferenceToAnotherFileIsDropped() {
        sanitise(OPEN + "<use href=\"https://example.org/sprite.svg#a\"/>\n</svg>\n");
        assertEquals(
                List.of("content/images/x.svg:2:47: warning: SVG: dropped href=\"https://example.org/sprite.svg…\" on "
                        + "<use>: an SVG may refer only to its own parts (#id), images only as data:image/…, and "
                        + "link only to http and https"),
                said());
    }

    @Test
    void aDoctypeThatCouldDeclareEntitiesRefusesTheFile() {
        Optional<String> published = sanitise("<!DOCTYPE svg [<!ENTITY a \"aaaa\">]>\n" + OPEN + "</svg>\n");
        assertEquals(Optional.empty(), published);
        assertEquals(
                List.of("content/images/x.svg:1:37: warning: SVG not published: a DOCTYPE other than "
                        + "<!DOCTYPE svg PUBLIC \"…\" \"…\"> could declare entities, which expand without bound or "
                        + "read files"),
                said());
    }

    @Test
    void aDocumentWhoseRootIsNoSvgIsRefused() {
        assertEquals(Optional.empty(), sanitise("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>\n"));
        assertEquals(
                List.of("content/images/x.svg:1:45: warning: SVG not published: not an SVG document (its root is "
                        + "<html>)"),
                said());
    }
}
