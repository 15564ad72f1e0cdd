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

/**
 * The classes parent and worker agree to deserialize, and the serialization both sides do through it.
 * Everything else is refused with a message that names the class and says how to allow it, because a
 * pipe between two of our own JVMs is still no reason to deserialize arbitrary classes.
 */
final class AllowList {

    /** JDK value types and collections, lambdas, and this project's own classes. */
    static final List<String> DEFAULT = List.of(
            "java.lang.*", "java.math.*", "java.time.*", "java.util.*", "java.util.concurrent.*",
            "java.util.concurrent.atomic.*", "java.lang.invoke.SerializedLambda", "io.github.poolbench.**");

    private final List<String> patterns;

    AllowList(List<String> extraPatterns) {
        List<String> all = new ArrayList<>(DEFAULT);
        for (String pattern : extraPatterns) {
            if (pattern.isBlank() || pattern.startsWith("!") || pattern.contains(";")) {
                throw new IllegalArgumentException("Not an allow-list pattern: '" + pattern
                        + "'; use a class name, package.* or package.**");
            }
            all.add(pattern.strip());
        }
        this.patterns = List.copyOf(all);
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
        String name = type.getName();
        String packageName = type.getPackageName();
        for (String pattern : patterns) {
            boolean matches;
            if (pattern.endsWith(".**")) {
                String prefix = pattern.substring(0, pattern.length() - 3);
                // No "prefix + '.'": string concatenation bootstraps invokedynamic, slow on a fresh worker.
                matches = packageName.startsWith(prefix) && (packageName.length() == prefix.length()
                        || packageName.charAt(prefix.length()) == '.');
            } else if (pattern.endsWith(".*")) {
                matches = packageName.equals(pattern.substring(0, pattern.length() - 2));
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
        Refusals refusals = new Refusals();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(refusals);
            return in.readObject();
        } catch (InvalidClassException e) {
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
        return new InvalidClassException(className, "refused to deserialize it: not on the pool's allow-list "
                + patterns + "; allow it with PoolOptions.withAllowedClasses(\"" + className + "\")");
    }

    /** A filter for one stream, remembering what it refused so that the error can say so. */
    private final class Refusals implements ObjectInputFilter {
        private String refused;

        @Override
        public Status checkInput(FilterInfo info) {
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
