package io.github.poolbench.lesson;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a lesson's links and images may point, for Markdown links, images and attribute lists as for
 * raw HTML: relative, or http, https or mailto; a Markdown image may also be a {@code data:image/}
 * URL. Judged as a browser reads the URL, so {@code java&#9;script:} is {@code javascript:}. The
 * refusals are worded here too, so every place that drops a link says the same rule.
 */
final class UrlPolicy {

    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    /** A browser skips these in a URL, so they cannot hide a scheme from the check. */
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]");

    static final String LINK_RULE = "links may be relative or use http, https or mailto";
    static final String IMAGE_RULE = "images may be relative or use http or https";

    private UrlPolicy() {}

    /** Relative, or one of {@link #SCHEMES}. */
    static boolean allowsLink(String url) {
        Matcher scheme = SCHEME.matcher(IGNORED_BY_BROWSERS.matcher(url).replaceAll(""));
        return !scheme.find() || SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    /** What a link allows, or an image written inline as {@code data:image/…}. */
    static boolean allowsImage(String src) {
        return allowsLink(src) || src.startsWith("data:image/");
    }

    /** The warning for a Markdown link the page drops, if it does. */
    static Optional<String> refusedLink(String url) {
        return allowsLink(url)
                ? Optional.empty()
                : Optional.of("dropped the link to \"" + shorten(url) + "\": " + LINK_RULE);
    }

    /** The warning for a Markdown image source the page drops, if it does. */
    static Optional<String> refusedImage(String src) {
        return allowsImage(src)
                ? Optional.empty()
                : Optional.of("dropped the image source \"" + shorten(src) + "\": " + IMAGE_RULE);
    }

    /** The warning for a URL attribute of a raw HTML tag, if the tag loses it. */
    static Optional<String> refusedAttribute(String tag, String attribute, String url) {
        return allowsLink(url)
                ? Optional.empty()
                : Optional.of(
                        "raw HTML: dropped " + attribute + "=\"" + shorten(url) + "\" on <" + tag + ">: " + LINK_RULE);
    }

    /** A URL quoted in a warning: enough to find it, never a page of base64. */
    static String shorten(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }
}
