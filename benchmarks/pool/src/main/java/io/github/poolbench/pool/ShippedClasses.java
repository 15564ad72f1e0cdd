package io.github.poolbench.pool;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classes that exist only in the parent's memory (jshell snippets, a source-launched program, classes
 * of a custom class loader), shipped to workers as class files and defined there by a {@link Loader},
 * as cloudpickle ships a notebook's functions.
 */
final class ShippedClasses {

    /** Enough for a jshell session's snippets; past it a task is better packaged in a jar. */
    private static final int MAX_CLASSES = 2_000;

    private ShippedClasses() {}

    /**
     * The class files a worker needs to load {@code root}: {@code root}'s own and, transitively, those of
     * the classes it names that its class loader holds but the worker's (the system class loader) cannot
     * find. Empty for a class on the class path or module path.
     */
    static Map<String, byte[]> of(Class<?> root) throws IOException {
        ClassLoader loader = root.getClassLoader();
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (loader == null
                || loader == ClassLoader.getSystemClassLoader()
                || loader == ClassLoader.getPlatformClassLoader()) {
            return files;
        }
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ArrayDeque<String> toVisit = new ArrayDeque<>();
        toVisit.add(root.getName().replace('.', '/'));
        java.util.Set<String> seen = new java.util.HashSet<>(toVisit);
        while (!toVisit.isEmpty() && files.size() < MAX_CLASSES) {
            String internalName = toVisit.poll();
            String resource = internalName + ".class";
            if (internalName.startsWith("java/") || system.getResource(resource) != null) {
                continue; // the worker finds it itself
            }
            byte[] bytes;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    continue; // not ours to ship: the worker will say what it misses
                }
                bytes = in.readAllBytes();
            }
            files.put(internalName.replace('/', '.'), bytes);
            for (String named : ClassConstants.parse(bytes).classNames()) {
                if (seen.add(named)) {
                    toVisit.add(named);
                }
            }
        }
        return files;
    }

    /** Defines shipped classes on demand; everything else comes from its parent, the worker's loader. */
    static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classFiles = new ConcurrentHashMap<>();

        Loader(ClassLoader parent) {
            super("poolbench-shipped", parent);
        }

        /** Adds class files by binary name; a class already known keeps its first definition. */
        void add(Map<String, byte[]> files) {
            files.forEach(classFiles::putIfAbsent);
        }

        /** The class file shipped for {@code name}, or null. */
        byte[] bytesOf(String name) {
            return classFiles.get(name);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classFiles.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (name.endsWith(".class")) {
                byte[] bytes =
                        classFiles.get(name.substring(0, name.length() - 6).replace('/', '.'));
                if (bytes != null) {
                    return new ByteArrayInputStream(bytes);
                }
            }
            return super.getResourceAsStream(name);
        }
    }
}
