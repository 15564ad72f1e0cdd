package io.github.poolbench.assets;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides how a file beside the lessons (or among the templates' assets) reaches the site. Lessons
 * arrive by pull request and the site's origin is the reader's trust, so a file a browser would run
 * there is never published: an SVG is published without what could run or load ({@link SvgSanitizer}),
 * and the types below are refused with a warning naming the file (an error under {@code --strict}).
 * Every other file (images, data, source code, archives, style sheets) is copied as it is: a browser
 * shows or downloads it and runs none of it.
 */
public final class AssetPolicy {

    /**
     * What pages may load: no script at all (the site needs none to be read), no plugins, no forms,
     * no {@code <base>}; style sheets and the rest from the site itself, plus {@code style=}
     * attributes (table cells' alignment and images' widths are written so); images also as
     * {@code data:} and from http and https addresses, which lessons may use. The templates put it in
     * every page's {@code <meta http-equiv>} (GitHub Pages sets no headers) and {@code serve} sends it
     * as a header.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "base-uri 'none'; form-action 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data: http: https:";

    /**
     * Types a browser runs: HTML and XHTML pages, XML (an {@code xml-stylesheet} turns it into a page),
     * XSLT, script, compressed SVG (which cannot be read to sanitise it), web archives and Flash.
     */
    static final Set<String> REFUSED = Set.of(
            "html", "htm", "shtml", "xhtml", "xht", "xml", "xsl", "xslt", "rss", "atom", "js", "mjs", "cjs", "svgz",
            "mht", "mhtml", "swf");

    private AssetPolicy() {}

    /**
     * Publishes {@code file} (read from {@code real}) at {@code to}: as it is, sanitised, or not at all.
     *
     * @param file the file as the user named it, for messages
     */
    public static void publish(Path file, Path real, Path to, Diagnostics diagnostics) {
        String type = extension(file);
        if (REFUSED.contains(type)) {
            diagnostics.warn(
                    Location.of(file),
                    "not published: a ." + type + " file can run scripts in a reader's browser on the site's origin");
            return;
        }
        try {
            Files.createDirectories(to.getParent());
            if (type.equals("svg")) {
                Optional<byte[]> svg = SvgSanitizer.sanitise(file, Files.readAllBytes(real), diagnostics);
                if (svg.isPresent()) {
                    Files.write(to, svg.get());
                }
                return;
            }
            Files.copy(real, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot copy: " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
