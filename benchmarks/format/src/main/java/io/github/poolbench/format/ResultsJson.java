package io.github.poolbench.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the results folder's side files as their types: {@code run.json} as a {@link RunRecord},
 * {@code machine.json} as a {@link MachineDescription}. The suite writes those same types; what a
 * field may be missing or unknown is declared on each type, not here.
 */
public final class ResultsJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsJson() {}

    /**
     * One record of {@code type} from {@code in}.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException when the JSON is malformed or a
     *     field holds a value of the wrong kind, with the location in the file
     */
    public static <T> T read(InputStream in, Class<T> type) throws IOException {
        return JSON.readValue(in, type);
    }

    /** One record of {@code type}, the next value of {@code parser}; throws as {@link #read(InputStream, Class)}. */
    public static <T> T read(JsonParser parser, Class<T> type) throws IOException {
        return JSON.readValue(parser, type);
    }

    /** A record of {@code type} from JSON values already parsed (maps, lists, strings and numbers). */
    public static <T> T convert(Object values, Class<T> type) {
        return JSON.convertValue(values, type);
    }
}
