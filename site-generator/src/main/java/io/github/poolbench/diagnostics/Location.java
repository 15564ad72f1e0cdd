package io.github.poolbench.diagnostics;

import java.nio.file.Path;

/**
 * A place in an input file. Line and column count from 1; 0 means unknown.
 *
 * @param file the file, as the user named it (relative paths stay relative, so messages stay short)
 */
public record Location(Path file, int line, int column) {

    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    public static Location of(Path file, int line) {
        return new Location(file, line, 0);
    }

    /** The same file, {@code lines} further down: for positions inside an embedded block. */
    public Location plusLines(int lines) {
        return new Location(file, line + lines, 0);
    }

    /** {@code file:line:column}, leaving out the parts that are unknown. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file.toString());
        if (line > 0) {
            text.append(':').append(line);
            if (column > 0) {
                text.append(':').append(column);
            }
        }
        return text.toString();
    }
}
