package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The string literals of a class file's constant pool. javac compiles a {@code $deserializeLambda$}
 * method into every class that writes a serializable lambda or method reference, and it names each
 * target's class, method and descriptor there as string literals: so a static method that a class's
 * literals do not name is no task of that class, and is not to be called by name.
 */
final class ClassConstants {

    private static final int MAGIC = 0xCAFEBABE;

    private static final ClassValue<Set<String>> LITERALS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            try {
                return literals(classFile(type));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    private ClassConstants() {}

    /**
     * The string literals of {@code type}'s class file, or an empty set when it cannot be read.
     */
    static Set<String> of(Class<?> type) {
        try {
            return LITERALS.get(type);
        } catch (UncheckedIOException unreadable) {
            return Set.of();
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        if (type.getClassLoader() instanceof ShippedClasses.Loader shipped) {
            byte[] bytes = shipped.bytesOf(type.getName());
            if (bytes != null) {
                return bytes;
            }
        }
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + name);
            }
            return in.readAllBytes();
        }
    }

    /** The string literals of a class file. */
    static Set<String> literals(byte[] classFile) throws IOException {
        return parse(classFile).literals();
    }

    /** What a class file's constant pool names: its string literals and the classes it refers to (internal names). */
    record Pool(Set<String> literals, Set<String> classNames) {}

    /** Walks the constant pool (JVMS 4.4), keeping CONSTANT_String and CONSTANT_Class entries. */
    static Pool parse(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] stringRefs = new int[count];
        int[] classRefs = new int[count];
        int strings = 0;
        int classes = 0;
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 7 -> classRefs[classes++] = in.readUnsignedShort();
                case 8 -> stringRefs[strings++] = in.readUnsignedShort();
                case 16, 19, 20 -> in.readUnsignedShort(); // MethodType, Module, Package
                case 15 -> in.skipNBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    index++; // a long or double takes two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> literals = new HashSet<>();
        for (int i = 0; i < strings; i++) {
            if (utf8[stringRefs[i]] != null) {
                literals.add(utf8[stringRefs[i]]);
            }
        }
        Set<String> classNames = new HashSet<>();
        for (int i = 0; i < classes; i++) {
            String name = utf8[classRefs[i]];
            int array = name == null ? -1 : name.lastIndexOf('[');
            if (array >= 0) { // [[Lcom/example/Point; names com/example/Point
                name = name.charAt(array + 1) == 'L' ? name.substring(array + 2, name.length() - 1) : null;
            }
            if (name != null) {
                classNames.add(name);
            }
        }
        return new Pool(literals, classNames);
    }
}
