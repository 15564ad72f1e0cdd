package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.assets.AssetPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Black-box runs with files beside the lessons that a browser would run on the site's origin: SVG is
 * published without what runs or loads from elsewhere, other such types not at all, each with a
 * warning naming the file (an error under {@code --strict}); every page carries the site's CSP.
 */
class AssetPolicyTest extends BadInputTest {

    private static final String OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n";

    private Path image(String name, String text) throws IOException {
        return Files.writeString(
                Files.createDirectories(content.resolve("images")).resolve(name), text);
    }

    /** The SVG: a script and an onload handler, shown by a lesson. */
    @Test
    void theScriptAndHandlerOfAnSvgAreDroppedWithAWarningAndStrictRefusesIt() throws IOException {
        Files.writeString(content.resolve("evil.md"), "---\ntitle: Evil\n---\n\n![e](images/evil.svg)\n");
        Path svg = image(
                "evil.svg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(14)\">\n"
                        + "<script>alert(14)</script>\n<rect width=\"4\" height=\"4\"/>\n</svg>\n");

        CliRunner lenient = build();

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertEquals(
                List.of(
                        svg + ":1:60: warning: SVG: dropped onload=\"alert(14)\" on <svg>: an event handler runs code",
                        svg + ":2:9: warning: SVG: dropped <script> and what it holds: an SVG may hold only drawing "
                                + "elements (no script, foreignObject, animation or other markup)"),
                lenient.out().lines().filter(line -> line.contains("evil.svg")).toList());
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg xmlns=\"http://www.w3.org/2000/svg\">\n\n"
                        + "<rect width=\"4\" height=\"4\"></rect>\n</svg>",
                Files.readString(site.resolve("images/evil.svg")));
        String before = fingerprint(site);

        CliRunner strict = build("--strict");

        assertEquals(1, strict.exitCode());
        assertEquals(
                List.of(
                        svg + ":1:60: error: SVG: dropped onload=\"alert(14)\" on <svg>: an event handler runs code",
                        svg + ":2:9: error: SVG: dropped <script> and what it holds: an SVG may hold only drawing "
                                + "elements (no script, foreignObject, animation or other markup)"),
                strict.err().lines().toList());
        assertEquals(before, fingerprint(site));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "foreignObject        | <foreignObject><body xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></body></foreignObject> | SVG: dropped <foreignObject> and what it holds | alert(",
                "XHTML script         | <h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script> | SVG: dropped <h:script> and what it holds | alert(",
                "SVG script, prefixed | <s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script> | SVG: dropped <s:script> and what it holds | alert(",
                "handler in capitals  | <rect ONCLICK=\"alert(1)\"/> | SVG: dropped ONCLICK=\"alert(1)\" on <rect>: an event handler runs code | alert(",
                "javascript link      | <a href=\"javascript:alert(1)\"><text>x</text></a> | SVG: dropped href=\"javascript:alert(1)\" on <a>: an SVG may refer only to its own parts | javascript:",
                "encoded scheme       | <a href=\"&#106;ava&#x73;cript:alert(1)\"><text>x</text></a> | SVG: dropped href=\"javascript:alert(1)\" on <a> | alert(",
                "external xlink:href  | <image xmlns:xlink=\"http://www.w3.org/1999/xlink\" xlink:href=\"https://evil.example/x.png\"/> | SVG: dropped xlink:href=\"https://evil.example/x.png\" on <image> | evil.example",
                "use of another file  | <use href=\"other.svg#x\"/> | SVG: dropped href=\"other.svg#x\" on <use> | other.svg",
                "use of a data: SVG   | <use href=\"data:image/svg+xml;base64,PHN2Zy8+#x\"/> | SVG: dropped href=\"data:image/svg+xml;base64,PHN2…\" on <use> | PHN2Zy8",
                "url() in a style     | <rect style=\"fill: url(https://evil.example/p)\"/> | SVG: dropped style=\"fill: url(https://evil.example…\" on <rect>: it loads from elsewhere or runs code | evil.example",
                "url() in an attribute| <rect fill=\"url(https://evil.example/#p)\"/> | SVG: dropped fill=\"url(https://evil.example/#p)\" on <rect>: it loads from elsewhere or runs code | evil.example",
                "@import in <style>   | <style>@import \"https://evil.example/a.css\";</style> | SVG: dropped the CSS of a <style>: it loads from elsewhere or runs code | evil.example",
                "url() in <style>     | <style>rect { fill: url('https://evil.example/p') }</style> | SVG: dropped the CSS of a <style>: it loads from elsewhere or runs code | evil.example",
                "escaped url()        | <style>rect { background: \\75 rl(https://evil.example/p) }</style> | SVG: dropped the CSS of a <style>: it loads from elsewhere or runs code | evil.example",
                "animation to a link  | <a href=\"#r\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a> | SVG: dropped <set> and what it holds | javascript:",
                "xml-stylesheet       | <?xml-stylesheet href=\"https://evil.example/x.xsl\"?> | SVG: dropped <?xml-stylesheet …?>: a processing instruction could load a style sheet from elsewhere | evil.example",
                "xml:base             | <g xml:base=\"https://evil.example/\"><use href=\"#r\"/></g> | SVG: dropped xml:base=\"https://evil.example/\" on <g>: it changes where every reference leads | evil.example",
            })
    void whatCouldRunOrLoadIsDroppedAtItsLine(String name, String inner, String message, String gone)
            throws IOException {
        Path svg = image("x.svg", OPEN + "<rect id=\"r\" width=\"10\" height=\"10\"/>\n" + inner + "\n</svg>\n");

        CliRunner lenient = build();

        assertEquals(0, lenient.exitCode(), lenient.err());
        assertTrue(
                Pattern.compile(Pattern.quote(svg + ":3:") + "\\d+: warning: " + Pattern.quote(message))
                        .matcher(lenient.out())
                        .find(),
                "expected " + svg + ":3:N: warning: " + message + "\nbut got " + lenient.out());
        String published = Files.readString(site.resolve("images/x.svg"));
        assertFalse(published.contains(gone), published);
        assertTrue(published.contains("<rect id=\"r\" width=\"10\" height=\"10\">"), published);
        String before = fingerprint(site);

        CliRunner strict = build("--strict");

        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(strict.err().contains(": error: " + message), strict.err());
        assertEquals(before, fingerprint(site));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "external entity | <!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\\n" + OPEN_TEXT
                        + "<text>&x;</text></svg> | 1:58 | SVG not published: a DOCTYPE other than <!DOCTYPE svg PUBLIC \"…\" \"…\"> could declare entities, which expand without bound or read files",
                "billion laughs  | <!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\\n"
                        + OPEN_TEXT
                        + "<text>&b;</text></svg> | 1:87 | SVG not published: a DOCTYPE other than <!DOCTYPE svg PUBLIC \"…\" \"…\"> could declare entities, which expand without bound or read files",
                "undeclared entity | " + OPEN_TEXT
                        + "<text>&nbsp;</text></svg> | 1:53 | SVG not published: it does not parse as XML (The entity \"nbsp\" was referenced, but not declared.)",
                "an XHTML page   | <html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html> | 1:44 | SVG not published: not an SVG document (its root is <html>)",
                "not XML         | " + OPEN_TEXT
                        + "<rect></svg> | 1:49 | SVG not published: it does not parse as XML (The element type \"rect\" must be terminated by the matching end-tag \"</rect>\".)",
            })
    void anSvgThatCannotBeReadSafelyIsNotPublished(String name, String text, String where, String message)
            throws IOException {
        Path svg = image("x.svg", text.replace("\\n", "\n"));

        CliRunner lenient = build();

        assertWarning(lenient, svg + ":" + where, message);
        assertFalse(Files.exists(site.resolve("images/x.svg")));
        String before = fingerprint(site);

        assertOneError(build("--strict"), svg + ":" + where, message);
        assertEquals(before, fingerprint(site));
    }

    private static final String OPEN_TEXT = "<svg xmlns=\"http://www.w3.org/2000/svg\">";

    /** What drawings use (paint servers, own references, data: images, links out, comments, an external DTD) stays as it is. */
    @Test
    void aDrawingIsPublishedByteForByteWithoutAWarning() throws IOException {
        String drawing = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
                <!-- a chart, drawn by hand -->
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 40 20">
                  <title>Two bars</title>
                  <style>.bar { fill: url(#g); stroke: #333 } /* own gradient */</style>
                  <defs><linearGradient id="g"><stop offset="0" stop-color="#0072B2"/></linearGradient>
                    <rect id="bar" width="8" height="10"/></defs>
                  <use href="#bar" class="bar"/>
                  <use xlink:href="#bar" x="10" style="fill: url('#g')"/>
                  <image width="1" height="1" href="data:image/png;base64,iVBORw0KGgo="/>
                  <a href="https://example.org/"><text x="20" y="15">source</text></a>
                </svg>
                """;
        image("chart.svg", drawing);

        CliRunner strict = build("--strict");

        assertEquals(0, strict.exitCode(), strict.err());
        assertEquals(drawing, Files.readString(site.resolve("images/chart.svg")));
    }

    /** One run per type a browser runs: not published, named with a warning, an error under --strict. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "rss", "atom", "js", "mjs", "cjs", "svgz",
                "mht", "mhtml", "swf", "HTML"
            })
    void aFileABrowserRunsIsNotPublished(String type) throws IOException {
        Path file = image("page." + type, "<script>alert(document.cookie)</script>\n");
        String message = "not published: a ." + type.toLowerCase(java.util.Locale.ROOT)
                + " file can run scripts in a reader's browser on the site's origin";

        assertWarning(build(), file.toString(), message);
        assertFalse(Files.exists(site.resolve("images/page." + type)));
        String before = fingerprint(site);

        assertOneError(build("--strict"), file.toString(), message);
        assertEquals(before, fingerprint(site));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "jpg", "gif", "webp", "css", "csv", "json", "txt", "java", "pdf", "zip"})
    void otherFilesAreCopiedAsTheyAre(String type) throws IOException {
        byte[] bytes = {'<', 's', 'c', 'r', 'i', 'p', 't', '>', 0, 1, 2, (byte) 0xff};
        Files.write(Files.createDirectories(content.resolve("images")).resolve("file." + type), bytes);

        CliRunner strict = build("--strict");

        assertEquals(0, strict.exitCode(), strict.err());
        assertArrayEquals(bytes, Files.readAllBytes(site.resolve("images/file." + type)));
    }

    @Test
    void everyPageCarriesTheContentSecurityPolicy() throws IOException {
        List<Path> pages;
        try (var walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() >= 3, pages.toString());
        for (Path page : pages) {
            org.jsoup.select.Elements meta = org.jsoup.Jsoup.parse(Files.readString(page))
                    .select("head > meta[http-equiv=Content-Security-Policy]");
            assertEquals(1, meta.size(), page.toString());
            assertEquals(AssetPolicy.CONTENT_SECURITY_POLICY, meta.attr("content"), page.toString());
        }
        assertEquals(
                "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
                        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: http: https:",
                AssetPolicy.CONTENT_SECURITY_POLICY);
    }
}
