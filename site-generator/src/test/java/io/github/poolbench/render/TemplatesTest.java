package io.github.poolbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.poolbench.diagnostics.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FreeMarker as the build uses it, on a real folder: what renders, and each way a template fails, whole. */
class TemplatesTest {

    @TempDir
    Path folder;

    /** A model type of this project's own, which templates may call. */
    public record Page(String title) {}

    private Templates with(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
        return new Templates(folder);
    }

    @Test
    void aModelIsRenderedEscapedAsHtml() throws IOException {
        Templates templates = with("page.ftlh", "<h1>${page.title()}</h1>");
        assertEquals("<h1>a &lt; b</h1>", templates.render("page.ftlh", Map.of("page", new Page("a < b"))));
    }

    @Test
    void aSharedValueReachesEveryTemplate() throws IOException {
        Templates templates = with("footer.ftlh", "${repository}");
        templates.share("repository", "https://example.org/x");
        assertEquals("https://example.org/x", templates.render("footer.ftlh", Map.of()));
    }

    @Test
    void aMissingFolderIsOneError() {
        InputException error = assertThrows(InputException.class, () -> new Templates(folder.resolve("none")));
        assertEquals(folder.resolve("none") + ": error: templates folder not found", error.getMessage());
    }

    @Test
    void aMissingTemplateIsNamed() throws IOException {
        Templates templates = new Templates(folder);
        InputException error = assertThrows(InputException.class, () -> templates.render("gone.ftlh", Map.of()));
        assertEquals(folder.resolve("gone.ftlh") + ": error: template not found", error.getMessage());
    }

    /** The one line a template named {@code name} holding {@code text} fails with, rendered with no model. */
    private String failure(String name, String text) throws IOException {
        Templates templates = with(name, text);
        return assertThrows(InputException.class, () -> templates.render(name, Map.of()))
                .getMessage();
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumn() throws IOException {
        assertEquals(
                folder.resolve("bad.ftlh")
                        + ":2:2: error: template syntax error: #if is an existing directive, but the tag is malformed.  "
                        + "(See FreeMarker Manual / Directive Reference.)",
                failure("bad.ftlh", "<p>\n<#if>\n"));
    }

    @Test
    void aMissingValueNamesItsLineAndColumn() throws IOException {
        assertEquals(
                folder.resolve("page.ftlh")
                        + ":2:5: error: template error: The following has evaluated to null or missing:",
                failure("page.ftlh", "<p>\n  ${missing}\n"));
    }

    @Test
    void javaObjectsInTheModelCannotBeCalled() throws IOException {
        Templates templates = with("page.ftlh", "${file.toFile().delete()?c}");
        Path file = Files.writeString(folder.resolve("keep.txt"), "kept");
        InputException error =
                assertThrows(InputException.class, () -> templates.render("page.ftlh", Map.of("file", file)));
        assertEquals(
                folder.resolve("page.ftlh")
                        + ":1:3: error: template error: The following has evaluated to null or missing:",
                error.getMessage());
        assertEquals("kept", Files.readString(file));
    }
}
