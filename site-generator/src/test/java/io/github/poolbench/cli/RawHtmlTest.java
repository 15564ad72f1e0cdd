package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Black-box runs of lessons with raw HTML: one allow-list, a warning at file:line for what it drops. */
class RawHtmlTest extends BadInputTest {

    private Path lesson(String body) throws IOException {
        return Files.writeString(content.resolve("raw.md"), "---\ntitle: Raw\n---\n\nSome text.\n\n" + body + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "script block        | <script>alert(1)</script>                                | 7 | raw HTML: dropped <script> and its content (lessons run no scripts and embed no documents) | alert(",
                "script inside div   | <div class=\"note\">\\nhi <script src=\"https://evil.example/x.js\"></script>\\n</div> | 8 | raw HTML: dropped <script> and its content (lessons run no scripts and embed no documents) | evil.example",
                "style element       | <style>body {display: none}</style>                        | 7 | raw HTML: dropped <style> and its content (lessons run no scripts and embed no documents) | display: none",
                "iframe              | <iframe src=\"https://evil.example/\"></iframe>              | 7 | raw HTML: dropped <iframe> and its content (lessons run no scripts and embed no documents) | evil.example",
                "event handler       | <span class=\"x\" onclick=\"steal()\">click</span>         | 7 | raw HTML: dropped the event handler onclick= on <span> (lessons run no scripts) | steal()",
                "handler in a block  | <div>\\n<img src=\"a.png\" ONERROR=\"steal()\">\\n</div>      | 8 | raw HTML: dropped the event handler onerror= on <img> (lessons run no scripts) | steal()",
                "javascript link     | Go <a href=\"javascript:steal()\">here</a>.                | 7 | raw HTML: dropped href=\"javascript:steal()\" on <a>: links may be relative or use http, https or mailto | javascript:",
                "encoded scheme      | <a href=\"&#106;ava&#x73;cript:steal()\">here</a>           | 7 | raw HTML: dropped href=\"javascript:steal()\" on <a>: links may be relative or use http, https or mailto | steal()",
                "scheme with a tab   | <a href=\"java&#9;script:steal()\">here</a>                | 7 | raw HTML: dropped href=\"java\\tscript:steal()\" on <a>: links may be relative or use http, https or mailto | steal()",
                "data URL            | <a href=\"data:text/html,<b>x</b>\">here</a>             | 7 | raw HTML: dropped href=\"data:text/html,<b>x</b>\" on <a>: links may be relative or use http, https or mailto | data:text",
                "unknown tag         | <form action=\"https://evil.example/\"><input name=\"q\"></form> | 7 | raw HTML: dropped the tag <form>, which lessons may not use (its text stays) | evil.example",
                "style attribute     | <span style=\"position:fixed\">x</span>                    | 7 | raw HTML: dropped the attribute style= on <span>, which lessons may not use | position:fixed",
            })
    void whatThePolicyDropsIsNamedAtItsLine(String name, String html, int line, String message, String gone)
            throws IOException {
        Path file = lesson(html.replace("\\n", "\n").replace("\\t", "\t"));

        CliRunner lenient = build();

        assertWarning(lenient, file + ":" + line, message.replace("\\t", "\t"));
        assertFalse(
                Files.readString(site.resolve("raw.html")).contains(gone), Files.readString(site.resolve("raw.html")));
        String before = fingerprint(site);

        CliRunner strict = build("--strict");

        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains(file + ":" + line + ": error: " + message.replace("\\t", "\t")), strict.err());
        assertEquals(before, fingerprint(site));
    }

    /** Markdown links follow the same rule, however the scheme is spelled. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "upper case          | [here](JavaScript:steal())",
                "an entity           | [here](java&#115;cript:steal())",
                "an autolink         | <javascript:steal()>",
                "a reference         | [here][r]\\n\\n[r]: vbscript:steal()",
            })
    void markdownLinksToScriptAreDropped(String name, String markdown) throws IOException {
        Path file = lesson(markdown.replace("\\n", "\n"));

        CliRunner result = build();

        assertEquals(0, result.exitCode(), result.err());
        String html = Files.readString(site.resolve("raw.html"));
        assertFalse(
                java.util.regex.Pattern.compile("href=\"[^\"]*script:", java.util.regex.Pattern.CASE_INSENSITIVE)
                        .matcher(html)
                        .find(),
                html);
        assertTrue(result.out().contains(file + ":7: warning: dropped the link to "), result.out());
    }

    /** What GTN lessons write and the site's own boxes are made of passes unchanged and without a warning. */
    @Test
    void whatLessonsUseStays() throws IOException {
        lesson("""
                <details class="box tip" open><summary class="box-title">More</summary>

                Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see <span class="badge">new</span> and <a href="other.html#part">this</a>.

                </details>

                <div class="box-body"><img src="images/a.png" alt="A pool" width="200"></div>

                <table><thead><tr><th scope="col">pool</th></tr></thead><tbody><tr><td colspan="2">4</td></tr></tbody></table>
                """);
        Files.createDirectories(content.resolve("images"));
        Files.write(content.resolve("images/a.png"), new byte[] {1});

        CliRunner result = build("--strict");

        assertEquals(0, result.exitCode(), result.err());
        String html = Files.readString(site.resolve("raw.html"));
        for (String kept : new String[] {
            "<details class=\"box tip\" open=\"\"><summary class=\"box-title\">More</summary>",
            "<kbd>Ctrl</kbd>",
            "<span class=\"badge\">new</span>",
            "<a href=\"other.html#part\">this</a>",
            "<div class=\"box-body\"><img src=\"images/a.png\" alt=\"A pool\" width=\"200\"></div>",
            "<th scope=\"col\">pool</th>",
            "<td colspan=\"2\">4</td>"
        }) {
            assertTrue(html.contains(kept), kept + " in " + html);
        }
    }

    /** Text that only looks like a tag to a browser (no blank between the parts) is shown as text, not run. */
    @Test
    void aTagTheGrammarDoesNotKnowIsEscaped() throws IOException {
        lesson("<div>\n<img/src=x/onerror=steal()>\n</div>");

        assertEquals(0, build().exitCode());

        assertTrue(Files.readString(site.resolve("raw.html")).contains("&lt;img/src=x/onerror=steal()>"));
    }
}
