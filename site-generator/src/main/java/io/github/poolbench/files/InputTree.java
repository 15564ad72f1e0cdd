package io.github.poolbench.files;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * The regular files of an input folder (content, templates, results, history). Inputs arrive by
 * pull request, so the walk trusts nothing it finds: a link, to a file or a folder, counts only
 * when it resolves inside the folder; one that leads out, a broken link, a loop, and a device,
 * FIFO or socket are skipped with a warning naming the file (an error under {@code --strict}).
 * Git folders are never input.
 */
public final class InputTree {

    private InputTree() {}

    /**
     * Every regular file under {@code root}, sorted by path; a missing root has none.
     *
     * @param what the folder's role in messages: {@code content}, {@code templates}, {@code results}, {@code history}
     */
    public static List<InputFile> walk(Path root, String what, Diagnostics diagnostics) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new InputException(Location.of(root), "cannot read the " + what + " folder: " + reason(e), e);
        }
        List<InputFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                                throws IOException {
                            if (dir.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (dir.getFileName().toString().equals(".git")) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return outside(dir, realRoot, what, diagnostics)
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                            if (attrs.isSymbolicLink()) { // the walk could not follow it
                                diagnostics.warn(
                                        Location.of(file), "skipped: a broken symbolic link (to " + target(file) + ")");
                                return FileVisitResult.CONTINUE;
                            }
                            if (outside(file, realRoot, what, diagnostics)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!attrs.isRegularFile()) {
                                diagnostics.warn(
                                        Location.of(file),
                                        "skipped: not a regular file (a device, FIFO or socket); "
                                                + "the build reads only regular files");
                                return FileVisitResult.CONTINUE;
                            }
                            files.add(new InputFile(file, file.toRealPath(), root.relativize(file)));
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof FileSystemLoopException) {
                                diagnostics.warn(
                                        Location.of(file),
                                        "skipped: a symbolic link that loops back to a folder above it");
                            } else {
                                diagnostics.error(Location.of(file), "cannot read: " + reason(e));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            throw new InputException(Location.of(root), "cannot list the " + what + " folder: " + reason(e), e);
        }
        files.sort(Comparator.comparing(InputFile::path));
        return List.copyOf(files);
    }

    /** Whether {@code path} resolves outside the folder; says so when it does. */
    private static boolean outside(Path path, Path realRoot, String what, Diagnostics diagnostics) throws IOException {
        Path real = path.toRealPath();
        if (real.startsWith(realRoot)) {
            return false;
        }
        diagnostics.warn(
                Location.of(path),
                "skipped: a symbolic link to " + real + ", outside the " + what
                        + " folder; the build reads only files inside it");
        return true;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    /** An I/O error as a short reason, e.g. {@code permission denied}. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
