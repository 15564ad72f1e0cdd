package io.github.poolbench.render;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Decides whether a build may replace a folder with the site. A build replaces the whole folder,
 * so it only ever replaces one it made itself (marked with {@link #STAMP}), an empty one, or one
 * the user named with {@code --force}; never an input folder, a folder holding one, a file, or the
 * working folder.
 */
public final class OutputFolder {

    /** The file that marks a folder as a site this tool wrote, and so may replace. */
    public static final String STAMP = ".poolbench-site";

    static final String STAMP_TEXT =
            "This folder is a site built by poolbench. Each build replaces all of it:\n" + "keep nothing else here.\n";

    private OutputFolder() {}

    /**
     * Refuses, with one line naming the path, an output the build must not replace.
     *
     * @param inputs the folders the build reads, by their role ({@code content}, {@code templates}, …)
     * @param force  whether the user allowed a non-empty folder not made by poolbench to be replaced
     */
    public static void check(Path out, Map<String, Path> inputs, boolean force) {
        Path absolute = out.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw refuse(out, "is the root of the file system; choose a folder of its own for the site");
        }
        Path real = realOrSelf(absolute);
        Path working = realOrSelf(Path.of("").toAbsolutePath());
        if (working.startsWith(real)) {
            throw refuse(
                    out,
                    working.equals(real)
                            ? "is the working folder; the build replaces the whole output folder, "
                                    + "so choose a folder of its own, such as site/"
                            : "holds the working folder " + working + "; choose a folder of its own, such as site/");
        }
        Path home = realOrSelf(Path.of(System.getProperty("user.home")).toAbsolutePath());
        if (home.startsWith(real)) {
            throw refuse(out, "is or holds the home folder; choose a folder of its own, such as site/");
        }
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Path folder = realOrSelf(input.getValue().toAbsolutePath().normalize());
            if (folder.equals(real)) {
                throw refuse(
                        out,
                        "is the " + input.getKey() + " folder; the build would replace its own input. "
                                + "Choose another --out");
            }
            if (folder.startsWith(real)) {
                throw refuse(
                        out,
                        "holds the " + input.getKey() + " folder " + input.getValue()
                                + "; the build would replace its own input. Choose another --out");
            }
            if (real.startsWith(folder)) {
                throw refuse(
                        out,
                        "lies inside the " + input.getKey() + " folder " + input.getValue()
                                + "; the site would become input to the next build. Choose another --out");
            }
        }
        if (Files.isSymbolicLink(absolute)) {
            throw refuse(out, "is a symbolic link; name the folder itself (" + real + ")");
        }
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(
                    out,
                    Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)
                            ? "is a file, not a folder; the build will not replace it. Choose another --out"
                            : "is not a folder (a device, FIFO or socket). Choose another --out");
        }
        if (stamped(absolute) || force || empty(out, absolute)) {
            return;
        }
        throw refuse(
                out,
                "is not empty and holds no site built by poolbench (no " + STAMP + " file); a build "
                        + "replaces the whole folder. Choose an empty or new folder, or pass --force to replace this one "
                        + "(a site built before poolbench marked its output needs --force once)");
    }

    /** Whether {@code folder} holds the stamp of a site this tool built. */
    public static boolean stamped(Path folder) {
        return Files.isRegularFile(folder.resolve(STAMP), LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean empty(Path named, Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new InputException(
                    Location.of(named),
                    "cannot read the output folder: " + InputTree.reason(e)
                            + "; make it readable or choose another --out",
                    e);
        }
    }

    private static Path realOrSelf(Path path) {
        // The nearest folder that exists, resolved, then the rest: a new output below a link is judged by where it
        // lands.
        Path existing = path;
        List<Path> rest = new java.util.ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.addFirst(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            Path real = existing.toRealPath();
            for (Path part : rest) {
                real = real.resolve(part);
            }
            return real;
        } catch (IOException e) {
            return path;
        }
    }

    private static InputException refuse(Path out, String why) {
        return new InputException(Location.of(out), "output folder " + why);
    }
}
