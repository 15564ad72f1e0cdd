package io.github.poolbench.files;

import java.nio.file.Path;

/**
 * A regular file found inside an input folder.
 *
 * @param path     the file as the user sees it, for messages (the folder as named, then the relative path)
 * @param real     where it really is, always inside the folder's real path: the file to open
 * @param relative its path below the folder
 */
public record InputFile(Path path, Path real, Path relative) {

    /** The file's name, e.g. {@code jmh.json}. */
    public String name() {
        return path.getFileName().toString();
    }
}
