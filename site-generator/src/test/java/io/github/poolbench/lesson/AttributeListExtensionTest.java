package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kramdown's attribute lists, attached to the block they follow. */
class AttributeListExtensionTest {

    @TempDir
    Path folder;

    @Test
    void aClassAndAnIdGoOnTheParagraphAbove() {
        assertEquals(
                new RenderedBody("<p class=\"lead\" id=\"here\">A paragraph.</p>\n", List.of()),
                RenderedBody.of(folder, "A paragraph.\n{: .lead #here}\n"));
    }

    @Test
    void aBoxClassWithoutAQuoteAboveClosesNoBox() {
        assertEquals(
                new RenderedBody(
                        "<p>Just text.</p>\n",
                        List.of("3: warning: {: .tip} closes no box: the line above it does not start with '>'")),
                RenderedBody.of(folder, "Just text.\n\n{: .tip}\n"));
    }
}
