package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a lesson's links and images may point, and how a refusal is worded. */
class UrlPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/a", "http://example.org", "HTTPS://EXAMPLE.ORG", "mailto:a@b.c"})
    void theThreeSchemesAreAllowedInAnyCase(String url) {
        assertEquals(Optional.empty(), UrlPolicy.refusedLink(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../other/page.html", "page.html#part", "#part", "/root", "?q=1", "a/b:c", ""})
    void relativeLinksAreAllowedEvenWithAColonAfterTheFirstSlash(String url) {
        assertEquals(Optional.empty(), UrlPolicy.refusedLink(url));
    }

    @Test
    void javascriptIsRefused() {
        assertEquals(
                Optional.of("dropped the link to \"javascript:steal()\": "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedLink("javascript:steal()"));
    }

    @Test
    void aSchemeSplitByBlanksOrControlCharactersIsReadAsABrowserReadsIt() {
        assertEquals(
                Optional.of("dropped the link to \" java\tscript:steal()\": "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedLink(" java\tscript:steal()"));
    }

    @Test
    void aDataUrlIsRefusedAsALink() {
        assertEquals(
                Optional.of("dropped the link to \"data:text/html,<b>x</b>\": "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedLink("data:text/html,<b>x</b>"));
    }

    @Test
    void anyOtherSchemeIsRefused() {
        assertEquals(
                Optional.of("dropped the link to \"ftp://example.org/f\": "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedLink("ftp://example.org/f"));
    }

    @Test
    void aMarkdownImageMayBeADataImage() {
        assertEquals(Optional.empty(), UrlPolicy.refusedImage("data:image/png;base64,iVBORw0KGgo="));
    }

    @Test
    void aMarkdownImageMayNotBeAnyOtherDataUrl() {
        assertEquals(
                Optional.of("dropped the image source \"data:text/html,x\": "
                        + "images may be relative or use http or https"),
                UrlPolicy.refusedImage("data:text/html,x"));
    }

    @Test
    void aRawHtmlAttributeIsRefusedWithItsTagAndName() {
        assertEquals(
                Optional.of("raw HTML: dropped src=\"javascript:x\" on <img>: "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedAttribute("img", "src", "javascript:x"));
    }

    @Test
    void aLongUrlIsQuotedByItsFirstThirtyCharacters() {
        assertEquals(
                Optional.of("dropped the link to \"javascript:aaaaaaaaaaaaaaaaaaa…\": "
                        + "links may be relative or use http, https or mailto"),
                UrlPolicy.refusedLink("javascript:" + "a".repeat(40)));
    }
}
