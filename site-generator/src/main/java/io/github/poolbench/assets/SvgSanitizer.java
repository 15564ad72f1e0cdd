package io.github.poolbench.assets;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.Location;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Publishes an SVG without what could run code or load from elsewhere once a reader opens it on the
 * site's origin. It is read by the JDK's XML parser with no DTD processing and no external entities
 * (a DOCTYPE that declares entities refuses the file), and what passes is an allow-list: drawing
 * elements of the SVG namespace, attributes other than event handlers and {@code xml:base},
 * references ({@code href}, {@code url(…)}) only to the document's own parts ({@code #id}), images
 * only as {@code data:image/…}, links only to http and https, and CSS without imports, fonts or escapes.
 * Each thing dropped is a warning at its line; a file with nothing to drop is published byte for byte.
 */
final class SvgSanitizer {

    private static final String SVG = "http://www.w3.org/2000/svg";

    /** Drawing, structure, text, paint servers, clipping and filters; no script, foreignObject or animation. */
    private static final Set<String> ELEMENTS = Set.of(
            "svg",
            "g",
            "defs",
            "title",
            "desc",
            "symbol",
            "use",
            "switch",
            "view",
            "a",
            "style",
            "image",
            "path",
            "rect",
            "circle",
            "ellipse",
            "line",
            "polyline",
            "polygon",
            "text",
            "tspan",
            "textPath",
            "marker",
            "clipPath",
            "mask",
            "pattern",
            "linearGradient",
            "radialGradient",
            "stop",
            "filter",
            "feBlend",
            "feColorMatrix",
            "feComponentTransfer",
            "feComposite",
            "feConvolveMatrix",
            "feDiffuseLighting",
            "feDisplacementMap",
            "feDistantLight",
            "feDropShadow",
            "feFlood",
            "feFuncA",
            "feFuncB",
            "feFuncG",
            "feFuncR",
            "feGaussianBlur",
            "feImage",
            "feMerge",
            "feMergeNode",
            "feMorphology",
            "feOffset",
            "fePointLight",
            "feSpecularLighting",
            "feSpotLight",
            "feTile",
            "feTurbulence");

    /** The DOCTYPE editors write, naming the SVG DTD and declaring nothing; any other is refused. */
    private static final Pattern PLAIN_DOCTYPE =
            Pattern.compile("<!DOCTYPE\\s+svg\\s+PUBLIC\\s+\"[^\"\\[\\]<>]*\"\\s+\"[^\"\\[\\]<>]*\"\\s*>");

    private static final Pattern DATA_IMAGE =
            Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("(java|vb|live)script:|data:text/html");
    /** CSS that loads from elsewhere without url(), or hides what it says behind escapes. */
    private static final List<String> CSS_REFUSED = List.of(
            "@import",
            "@font-face",
            "@namespace",
            "image-set(",
            "src(",
            "expression",
            "-moz-binding",
            "behavior",
            "\\");

    private SvgSanitizer() {}

    /**
     * The SVG to publish: {@code bytes} as they are when nothing had to go, the sanitised document
     * when something did (each thing dropped is a warning), or nothing when the file is refused.
     */
    static Optional<byte[]> sanitise(Path file, byte[] bytes, Diagnostics diagnostics) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        Diagnostics dropped = new Diagnostics(diagnostics.strict());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            int depth = 0; // elements written and open
            int skipped = 0; // depth inside a dropped element
            boolean root = true;
            while (reader.hasNext()) {
                int event = reader.next();
                Location at = at(file, reader);
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        if (!PLAIN_DOCTYPE.matcher(reader.getText()).matches()) {
                            return refuse(
                                    diagnostics,
                                    at,
                                    "a DOCTYPE other than <!DOCTYPE svg PUBLIC \"…\" \"…\"> could declare entities, "
                                            + "which expand without bound or read files");
                        }
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = name(reader.getPrefix(), reader.getLocalName());
                        if (skipped > 0) {
                            skipped++;
                        } else if (root
                                && !(SVG.equals(reader.getNamespaceURI())
                                        && reader.getLocalName().equals("svg"))) {
                            return refuse(diagnostics, at, "not an SVG document (its root is <" + name + ">)");
                        } else if (!SVG.equals(reader.getNamespaceURI()) || !ELEMENTS.contains(reader.getLocalName())) {
                            dropped.warn(
                                    at,
                                    "SVG: dropped <" + name + "> and what it holds: an SVG may hold only drawing "
                                            + "elements (no script, foreignObject, animation or other markup)");
                            skipped = 1;
                        } else if (reader.getLocalName().equals("style")) {
                            writeStart(reader, writer, file, dropped);
                            String css = reader.getElementText();
                            if (safeCss(css)) {
                                writer.writeCharacters(css);
                            } else {
                                dropped.warn(
                                        at, "SVG: dropped the CSS of a <style>: it loads from elsewhere or runs code");
                            }
                            writer.writeEndElement();
                        } else {
                            writeStart(reader, writer, file, dropped);
                            depth++;
                        }
                        root = false;
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (skipped > 0) {
                            skipped--;
                        } else {
                            writer.writeEndElement();
                            depth--;
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                        if (skipped == 0 && depth > 0) {
                            writer.writeCharacters(reader.getText());
                        }
                    }
                    case XMLStreamConstants.CDATA -> {
                        if (skipped == 0 && depth > 0) {
                            writer.writeCData(reader.getText());
                        }
                    }
                    case XMLStreamConstants.COMMENT -> {
                        if (skipped == 0) {
                            writer.writeComment(reader.getText());
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION ->
                        dropped.warn(
                                at,
                                "SVG: dropped <?" + reader.getPITarget()
                                        + " …?>: a processing instruction could load a style sheet from elsewhere");
                    case XMLStreamConstants
                            .ENTITY_REFERENCE -> { // not reached with DTDs off; refusing is the safe answer
                        return refuse(diagnostics, at, "it refers to the entity &" + reader.getLocalName() + ";");
                    }
                    default -> {}
                }
            }
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            Location where = e.getLocation() == null
                    ? Location.of(file)
                    : new Location(
                            file,
                            Math.max(0, e.getLocation().getLineNumber()),
                            Math.max(0, e.getLocation().getColumnNumber()));
            String message = e.getMessage() == null ? "" : e.getMessage();
            int reason = message.indexOf("Message: ");
            return refuse(
                    diagnostics,
                    where,
                    "it does not parse as XML (" + (reason < 0 ? message : message.substring(reason + 9)).strip()
                            + ")");
        } finally {
            close(reader);
        }
        if (dropped.all().isEmpty()) {
            return Optional.of(bytes);
        }
        dropped.all().forEach(diagnostics::add);
        return Optional.of(out.toByteArray());
    }

    private static Optional<byte[]> refuse(Diagnostics diagnostics, Location at, String why) {
        diagnostics.warn(at, "SVG not published: " + why);
        return Optional.empty();
    }

    /** Writes the element's start tag with its namespaces and the attributes that pass. */
    private static void writeStart(XMLStreamReader reader, XMLStreamWriter writer, Path file, Diagnostics dropped)
            throws XMLStreamException {
        String element = reader.getLocalName();
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        writer.writeStartElement(prefix, element, SVG);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            if (declared == null || declared.isEmpty()) {
                writer.writeDefaultNamespace(reader.getNamespaceURI(i));
            } else {
                writer.writeNamespace(declared, reader.getNamespaceURI(i));
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String namespace = reader.getAttributeNamespace(i) == null ? "" : reader.getAttributeNamespace(i);
            String attributePrefix = reader.getAttributePrefix(i) == null ? "" : reader.getAttributePrefix(i);
            String local = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            String name = name(attributePrefix, local);
            String why = refused(element, namespace, local, value);
            if (why != null) {
                dropped.warn(
                        at(file, reader),
                        "SVG: dropped " + name + "=\"" + shorten(value) + "\" on <" + name(prefix, element) + ">: "
                                + why);
            } else if (namespace.isEmpty()) {
                writer.writeAttribute(local, value);
            } else {
                writer.writeAttribute(attributePrefix, namespace, local, value);
            }
        }
    }

    /** Why an attribute may not stay, or null when it may. */
    private static String refused(String element, String namespace, String local, String value) {
        String lower = local.toLowerCase(Locale.ROOT);
        String compact = value.replaceAll("[\\x00-\\x20\\x7f]", "").toLowerCase(Locale.ROOT);
        if (lower.startsWith("on")) {
            return "an event handler runs code";
        }
        if (XMLConstants.XML_NS_URI.equals(namespace) && local.equals("base")) {
            return "it changes where every reference leads";
        }
        if (lower.equals("href")) {
            String trimmed = value.strip();
            boolean own = trimmed.startsWith("#");
            boolean image = (element.equals("image") || element.equals("feImage"))
                    && DATA_IMAGE.matcher(trimmed).matches();
            boolean link = element.equals("a") && (compact.startsWith("http://") || compact.startsWith("https://"));
            if (!own && !image && !link) {
                return "an SVG may refer only to its own parts (#id), images only as data:image/…, "
                        + "and link only to http and https";
            }
        }
        if (SCRIPT_URL.matcher(compact).find()) {
            return "a script address runs code";
        }
        if (lower.equals("style") ? !safeCss(value) : !ownUrls(value)) {
            return "it loads from elsewhere or runs code";
        }
        return null;
    }

    private static boolean safeCss(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "").toLowerCase(Locale.ROOT);
        return CSS_REFUSED.stream().noneMatch(plain::contains)
                && !SCRIPT_URL
                        .matcher(plain.replaceAll("[\\x00-\\x20\\x7f]", ""))
                        .find()
                && ownUrls(plain);
    }

    /** Whether every {@code url(…)} in the text refers to a part of this document. */
    private static boolean ownUrls(String text) {
        Matcher url = URL.matcher(text);
        while (url.find()) {
            if (!url.group(1).startsWith("#")) {
                return false;
            }
        }
        return true;
    }

    private static Location at(Path file, XMLStreamReader reader) {
        javax.xml.stream.Location location = reader.getLocation();
        return location == null
                ? Location.of(file)
                : new Location(file, Math.max(0, location.getLineNumber()), Math.max(0, location.getColumnNumber()));
    }

    private static String name(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String shorten(String value) {
        return value.length() > 30 ? value.substring(0, 30) + "…" : value;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing was written through it: closing frees the parser only
            }
        }
    }
}
