package io.github.poolbench.machine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes records as pretty JSON with every string value {@link Privacy#scrub scrubbed}: the one
 * door through which {@code machine.json} and {@code run.json} reach the disk.
 */
public final class PrivateJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrivateJson() {}

    /** Writes {@code value} to {@code file}, scrubbed by {@link Privacy#ofThisMachine()}. */
    public static void write(Object value, Path file) {
        write(value, file, Privacy.ofThisMachine());
    }

    /** Writes {@code value} to {@code file}, scrubbed by {@code privacy}. */
    public static void write(Object value, Path file, Privacy privacy) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, toJson(value, privacy) + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** {@code value} as scrubbed, pretty-printed JSON. */
    public static String toJson(Object value, Privacy privacy) {
        JsonNode tree = scrub(JSON.valueToTree(value), privacy);
        try {
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode scrub(JsonNode node, Privacy privacy) {
        if (node.isTextual()) {
            return TextNode.valueOf(privacy.scrub(node.asText()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrub(array.get(i), privacy));
            }
        } else if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> field : fields) {
                object.set(field.getKey(), scrub(field.getValue(), privacy));
            }
        }
        return node;
    }
}
