package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Encodes the inputs and results a job carries, an {@code Object[]}. The values most tasks take and
 * return (null, boxed primitives, strings, {@link Instant}, {@link Duration}, enums, and serializable
 * records made of such values) get a compact encoding of their own: no {@link java.io.ObjectOutputStream},
 * no class descriptors, and cheap even before the JIT has compiled anything, which matters in a fresh
 * worker that runs only a few tasks. Records are rebuilt through their canonical constructor, as Java
 * serialization does, and only when the {@link AllowList} admits their class. Anything else falls back to
 * Java serialization through the allow-list.
 *
 * <p>No lambdas, pattern switches or string concatenation here: each bootstraps invokedynamic machinery
 * that costs a fresh worker milliseconds.
 */
final class ValueCodec {

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
    private static final int INSTANT = 10;
    private static final int DURATION = 11;
    private static final int ENUM = 12;
    private static final int RECORD = 13;
    /** A string that is not well-formed UTF-16 (a lone surrogate), which UTF-8 cannot carry: as chars. */
    private static final int CHARS = 14;
    /** Records nest no deeper than this in the compact encoding; deeper ones are serialized. */
    private static final int MAX_DEPTH = 16;

    /** A record class's accessors and canonical constructor, looked up once. */
    private static final ClassValue<RecordShape> RECORD_SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private ValueCodec() {}

    static byte[] encode(Object[] values) throws IOException {
        for (Object value : values) {
            if (!isCompact(value, 0)) {
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
        return decode(encoded, allowList, null);
    }

    /** As {@link #decode(byte[], AllowList)}; Java serialization resolves classes in {@code loader} if not null. */
    static Object[] decode(byte[] encoded, AllowList allowList, ClassLoader loader)
            throws IOException, ClassNotFoundException {
        if (encoded.length == 0 || encoded[0] != COMPACT) {
            return (Object[]) allowList.deserialize(encoded, loader);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded, 1, encoded.length - 1));
        Object[] values = new Object[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(in, allowList);
        }
        return values;
    }

    private static boolean isCompact(Object value, int depth) {
        if (value == null
                || value instanceof String
                || value instanceof Integer
                || value instanceof Long
                || value instanceof Double
                || value instanceof Boolean
                || value instanceof Float
                || value instanceof Short
                || value instanceof Byte
                || value instanceof Character
                || value instanceof Instant
                || value instanceof Duration
                || value instanceof Enum) {
            return true;
        }
        if (!(value instanceof Record) || !(value instanceof Serializable) || depth >= MAX_DEPTH) {
            return false; // a record that is not Serializable fails in Java serialization, as it should
        }
        try {
            for (Field component : RECORD_SHAPES.get(value.getClass()).fields) {
                if (!isCompact(component.get(value), depth + 1)) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException inaccessible) {
            return false; // e.g. a record in a module that does not open it: Java serialization decides
        }
    }

    /** One value. An {@code instanceof} chain rather than a pattern switch (see the class comment). */
    private static void write(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String text) {
            if (wellFormed(text)) {
                out.writeByte(STRING);
                writeString(out, text);
            } else {
                out.writeByte(CHARS);
                out.writeInt(text.length());
                out.writeChars(text);
            }
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
        } else if (value instanceof Instant instant) {
            out.writeByte(INSTANT);
            out.writeLong(instant.getEpochSecond());
            out.writeInt(instant.getNano());
        } else if (value instanceof Duration duration) {
            out.writeByte(DURATION);
            out.writeLong(duration.getSeconds());
            out.writeInt(duration.getNano());
        } else if (value instanceof Enum<?> constant) {
            out.writeByte(ENUM);
            writeString(out, constant.getDeclaringClass().getName());
            writeString(out, constant.name());
        } else {
            writeRecord(out, (Record) value);
        }
    }

    private static void writeRecord(DataOutputStream out, Record value) throws IOException {
        Field[] fields = RECORD_SHAPES.get(value.getClass()).fields;
        out.writeByte(RECORD);
        writeString(out, value.getClass().getName());
        out.writeInt(fields.length);
        try {
            for (Field component : fields) {
                write(out, component.get(value));
            }
        } catch (ReflectiveOperationException e) {
            throw new IOException(
                    "cannot read the components of " + value.getClass().getName(), e);
        }
    }

    private static Object read(DataInputStream in, AllowList allowList) throws IOException, ClassNotFoundException {
        int tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case CHARS:
                return readChars(in);
            case INTEGER:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case FLOAT:
                return in.readFloat();
            case SHORT:
                return in.readShort();
            case BYTE:
                return in.readByte();
            case CHARACTER:
                return in.readChar();
            case INSTANT:
                return Instant.ofEpochSecond(in.readLong(), in.readInt());
            case DURATION:
                return Duration.ofSeconds(in.readLong(), in.readInt());
            case ENUM:
                return readEnum(in, allowList);
            case RECORD:
                return readRecord(in, allowList);
            default:
                throw new StreamCorruptedException("unknown value tag " + tag);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEnum(DataInputStream in, AllowList allowList) throws IOException, ClassNotFoundException {
        Class<?> type = allowedClass(readString(in), allowList);
        if (!type.isEnum()) {
            throw new InvalidClassException(type.getName(), "is not an enum");
        }
        return Enum.valueOf((Class) type, readString(in));
    }

    private static Object readRecord(DataInputStream in, AllowList allowList)
            throws IOException, ClassNotFoundException {
        Class<?> type = allowedClass(readString(in), allowList);
        if (!type.isRecord() || !Serializable.class.isAssignableFrom(type)) {
            throw new InvalidClassException(type.getName(), "is not a serializable record");
        }
        RecordShape shape = RECORD_SHAPES.get(type);
        int count = in.readInt();
        if (count != shape.fields.length) {
            throw new InvalidClassException(type.getName(), "has " + shape.fields.length + " components, not " + count);
        }
        Object[] components = new Object[count];
        for (int i = 0; i < count; i++) {
            components[i] = read(in, allowList);
        }
        try {
            return shape.constructor.newInstance(components); // its checks run, as in Java serialization
        } catch (InvocationTargetException e) {
            InvalidClassException invalid =
                    new InvalidClassException(type.getName(), "refused its components: " + e.getCause());
            invalid.initCause(e.getCause());
            throw invalid;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            InvalidClassException invalid = new InvalidClassException(type.getName(), "cannot be rebuilt: " + e);
            invalid.initCause(e);
            throw invalid;
        }
    }

    /** Loads a class without initializing it, and only then, if the allow-list admits it, initializes it. */
    private static Class<?> allowedClass(String name, AllowList allowList) throws ClassNotFoundException, IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(name, false, loader != null ? loader : ValueCodec.class.getClassLoader());
        if (!allowList.allows(type)) {
            throw allowList.refusal(name);
        }
        return Class.forName(name, true, type.getClassLoader());
    }

    /** Whether every surrogate in {@code text} is half of a pair, so that UTF-8 round-trips it. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static String readChars(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available() / 2) {
            throw new StreamCorruptedException("a string of " + length + " chars in " + in.available() + " bytes");
        }
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) { // the bytes are all in memory: available() is what is left
            throw new StreamCorruptedException("a string of " + length + " bytes in " + in.available());
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * How to take a record apart and put it together again: its component fields, as Java serialization
     * reads them (not the accessors, which a record may override to show something else), and its
     * canonical constructor.
     */
    private static final class RecordShape {
        final Field[] fields;
        final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            fields = new Field[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    fields[i] = type.getDeclaredField(components[i].getName());
                    fields[i].setAccessible(true); // a record need not be public
                    types[i] = components[i].getType();
                }
                constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
            } catch (NoSuchFieldException | NoSuchMethodException e) {
                throw new IllegalStateException(
                        "a record always has its component fields and canonical constructor", e);
            }
        }
    }
}
