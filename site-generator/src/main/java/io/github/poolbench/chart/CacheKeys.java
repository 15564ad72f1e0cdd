package io.github.poolbench.chart;

/** The one way a {@link Drawing#cacheKey()} writes a line: its fields in order, then a newline. */
final class CacheKeys {

    private CacheKeys() {}

    /** Appends {@code fields} to {@code key}, each as {@link String#valueOf(Object)} prints it, separated by {@code separator}. */
    static void appendLine(StringBuilder key, char separator, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                key.append(separator);
            }
            key.append(fields[i]);
        }
        key.append('\n');
    }
}
