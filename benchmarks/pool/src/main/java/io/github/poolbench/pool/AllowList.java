package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classes parent and worker agree to deserialize, and the serialization both sides do through it.
 * Everything else is refused with a message that names the class and says how to allow it, because a
 * pipe between two of our own JVMs is still no reason to deserialize arbitrary classes.
 */
final class AllowList {

    /** JDK value types and collections, lambdas, and this project's own classes. */
    static final List<String> DEFAULT = List.of(
            "java.lang.*",
            "java.math.*",
            "java.time.*",
            "java.util.*",
            "java.util.concurrent.*",
            "java.util.concurrent.atomic.*",
            "java.lang.invoke.SerializedLambda",
            "io.github.poolbench.**");

    /** How deep a deserialized graph may nest: enough for data, little enough for a reader thread's stack. */
    static final int MAX_DEPTH = 500;

    static final long MAX_REFERENCES = 50_000_000;

    private final List<String> patterns;
    /** Exact class names allowed because a task sent through this pool is of, or was written in, them. */
    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    AllowList(List<String> extraPatterns) {
        List<String> all = new ArrayList<>(DEFAULT);
        for (String pattern : extraPatterns) {
            String trimmed = pattern.strip();
            int star = trimmed.indexOf('*');
            if (trimmed.isEmpty()
                    || trimmed.startsWith("!")
                    || trimmed.contains(";")
                    || trimmed.contains("/")
                    || (star >= 0 && star < trimmed.length() - (trimmed.endsWith("**") ? 2 : 1))) {
                throw new IllegalArgumentException(
                        "Not an allow-list pattern: '" + pattern
                                + "'; use a class name, a prefix ending in * (e.g. com.example.Probe$*), package.* or package.**");
            }
            all.add(trimmed);
        }
        this.patterns = List.copyOf(all);
    }

    /**
     * Allows one class by its binary name from now on, e.g. the class that defines a task being sent.
     *
     * @throws IllegalArgumentException if {@code className} is not a plausible binary class name
     */
    void grant(String className) {
        if (!isClassName(className)) {
            throw new IllegalArgumentException("Not a class name: '" + className + "'");
        }
        granted.add(className);
    }

    /** Exact names granted so far, for a new worker to start with. */
    Set<String> granted() {
        return Set.copyOf(granted);
    }

    private static boolean isClassName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && c != '$' && !Character.isJavaIdentifierPart(c)) {
                return false;
            }
        }
        return true;
    }

    List<String> patterns() {
        return patterns;
    }

    boolean allows(Class<?> type) {
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive()) {
            return true;
        }
        if (type.isHidden()) {
            // A lambda read back from its SerializedLambda: it belongs to the class that wrote it.
            return type.getNestHost() != type && allows(type.getNestHost());
        }
        String name = type.getName();
        if (granted.contains(name)) {
            return true;
        }
        String packageName = type.getPackageName();
        for (String pattern : patterns) {
            boolean matches;
            if (pattern.endsWith(".**")) {
                String prefix = pattern.substring(0, pattern.length() - 3);
                // No "prefix + '.'": string concatenation bootstraps invokedynamic, slow on a fresh worker.
                matches = packageName.startsWith(prefix)
                        && (packageName.length() == prefix.length() || packageName.charAt(prefix.length()) == '.');
            } else if (pattern.endsWith(".*")) {
                matches = packageName.equals(pattern.substring(0, pattern.length() - 2));
            } else if (pattern.endsWith("*")) {
                // As ObjectInputFilter reads it: a prefix, e.g. Probe$* for Probe's nested classes.
                matches = name.startsWith(pattern.substring(0, pattern.length() - 1));
            } else {
                matches = name.equals(pattern);
            }
            if (matches) {
                return true;
            }
        }
        return false;
    }

    static byte[] serialize(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Reads one object, refusing every class the allow-list does not name. */
    Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
        return deserialize(bytes, null);
    }

    /** As {@link #deserialize(byte[])}, resolving classes in {@code loader} when it is not null. */
    Object deserialize(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        Refusals refusals = new Refusals(bytes.length);
        try (ObjectInputStream in = loader == null
                ? new ObjectInputStream(new ByteArrayInputStream(bytes))
                : new LoaderInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(refusals);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (refusals.overLimit != null) {
                InvalidClassException clear = new InvalidClassException("refused to deserialize " + refusals.overLimit);
                clear.initCause(e);
                throw clear;
            }
            if (refusals.refused == null) {
                throw e;
            }
            InvalidClassException clear = refusal(refusals.refused);
            clear.initCause(e);
            throw clear;
        }
    }

    /** The error for a class off the list, naming it and saying how to allow it. */
    InvalidClassException refusal(String className) {
        return new InvalidClassException(
                className,
                "refused to deserialize it: not on the pool's allow-list " + patterns
                        + "; allow it with PoolOptions.withAllowedClasses(\"" + className + "\")");
    }

    /** Resolves classes in a given loader, e.g. one that holds classes shipped from the parent. */
    private static final class LoaderInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderInputStream(java.io.InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitives' names, and what the default finds
            }
        }
    }

    /**
     * A filter for one stream, remembering what it refused so that the error can say so. Besides the
     * classes it bounds the graph: nesting (which costs stack on the reading thread), references, and
     * array lengths, which must fit in the bytes the stream has, since the array is allocated before
     * its elements are read.
     */
    final class Refusals implements ObjectInputFilter {
        private final long streamBytes;
        private String refused;
        private String overLimit;

        Refusals(long streamBytes) {
            this.streamBytes = streamBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                overLimit = "a graph nested deeper than " + MAX_DEPTH + " objects";
                return Status.REJECTED;
            }
            if (info.references() > MAX_REFERENCES) {
                overLimit = "a graph of more than " + MAX_REFERENCES + " references";
                return Status.REJECTED;
            }
            if (info.arrayLength() > streamBytes) {
                overLimit = "an array of " + info.arrayLength() + " elements in a stream of " + streamBytes + " bytes";
                return Status.REJECTED;
            }
            Class<?> type = info.serialClass();
            if (type == null) {
                return Status.UNDECIDED;
            }
            if (allows(type)) {
                return Status.ALLOWED;
            }
            refused = type.getName();
            return Status.REJECTED;
        }
    }
}
