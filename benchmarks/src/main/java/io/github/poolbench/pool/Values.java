package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the inputs and results a job carries, an {@code Object[]}. Arrays of nulls, boxed primitives
 * and strings, which is what most tasks take and return, get a compact encoding of their own: no
 * {@link java.io.ObjectOutputStream}, no class descriptors, nothing to filter, and cheap even before the
 * JIT has compiled anything, which matters in a fresh worker. Anything else falls back to Java
 * serialization through the {@link AllowList}.
 */
final class Values {

    /** Java serialization streams start with 0xACED, so one leading byte tells the encodings apart. */
    private static final int COMPACT = 1;
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int INTEGER = 2;
    private static final int LONG = 3;
    private static final int DOUBLE = 4;
    private static final int BOOLEAN = 5;
    private static final int FLOAT = 6;
    private static final int SHORT = 7;
    private static final int BYTE = 8;
    private static final int CHARACTER = 9;

    private Values() {
    }

    static byte[] encode(Object[] values) throws IOException {
        for (Object value : values) {
            if (!isCompact(value)) {
                return AllowList.serialize(values);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + 8 * values.length);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(COMPACT);
        out.writeInt(values.length);
        for (Object value : values) {
            write(out, value);
        }
        return bytes.toByteArray();
    }

    static Object[] decode(byte[] encoded, AllowList allowList) throws IOException, ClassNotFoundException {
        if (encoded.length == 0 || encoded[0] != COMPACT) {
            return (Object[]) allowList.deserialize(encoded);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1));
        Object[] values = new Object[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            int tag = in.readByte();
            values[i] = switch (tag) {
                case NULL -> null;
                case STRING -> {
                    byte[] utf8 = new byte[in.readInt()];
                    in.readFully(utf8);
                    yield new String(utf8, StandardCharsets.UTF_8);
                }
                case INTEGER -> in.readInt();
                case LONG -> in.readLong();
                case DOUBLE -> in.readDouble();
                case BOOLEAN -> in.readBoolean();
                case FLOAT -> in.readFloat();
                case SHORT -> in.readShort();
                case BYTE -> in.readByte();
                case CHARACTER -> in.readChar();
                default -> throw new StreamCorruptedException("unknown value tag " + tag);
            };
        }
        return values;
    }

    /**
     * One value. An {@code instanceof} chain rather than a pattern switch: a type switch is bootstrapped
     * with invokedynamic, which costs a fresh worker milliseconds on its first result.
     */
    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            out.writeByte(STRING);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else if (value instanceof Integer number) {
            out.writeByte(INTEGER);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof Boolean flag) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(flag);
        } else if (value instanceof Float number) {
            out.writeByte(FLOAT);
            out.writeFloat(number);
        } else if (value instanceof Short number) {
            out.writeByte(SHORT);
            out.writeShort(number);
        } else if (value instanceof Byte number) {
            out.writeByte(BYTE);
            out.writeByte(number);
        } else if (value instanceof Character character) {
            out.writeByte(CHARACTER);
            out.writeChar(character);
        } else {
            throw new IllegalStateException("not a compact value: " + value.getClass().getName());
        }
    }

    private static boolean isCompact(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Float
                || value instanceof Short || value instanceof Byte || value instanceof Character;
    }
}
