package io.github.poolbench.pool;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classes that exist only in the parent's memory (jshell snippets, a source-launched program), shipped
 * to workers as class files and defined there by a {@link Loader}.
 */
final class ShippedClasses {

    private ShippedClasses() {
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
    }
}
