package io.github.poolbench.render;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputTree;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * A build writes into a fresh staging folder beside the output and swaps it in only at the end,
 * so a failed build leaves the previous site exactly as it was. The swap is two renames (old site
 * aside, new site in); if the second fails the first is undone, and the old site is deleted only
 * once the new one is in place. Only a folder {@link OutputFolder} allows is ever replaced.
 */
public final class StagedOutput implements AutoCloseable {

    /** The renames of a swap; tests make one fail to see the rollback. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private final Path named;
    private final Path target;
    private final Path staging;
    private final boolean force;
    private final Mover mover;
    private boolean published;

    private StagedOutput(Path named, Path target, Path staging, boolean force, Mover mover) {
        this.named = named;
        this.target = target;
        this.staging = staging;
        this.force = force;
        this.mover = mover;
    }

    /** Creates an empty staging folder next to {@code target} (same file system, so the swap is a rename). */
    public static StagedOutput beside(Path target) {
        return beside(target, Map.of(), false);
    }

    /**
     * Checks that {@code target} may be replaced (see {@link OutputFolder#check}), then creates an
     * empty staging folder next to it.
     */
    public static StagedOutput beside(Path target, Map<String, Path> inputs, boolean force) {
        return beside(target, inputs, force, StagedOutput::rename);
    }

    static StagedOutput beside(Path target, Map<String, Path> inputs, boolean force, Mover mover) {
        OutputFolder.check(target, inputs, force);
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            // createDirectory, not createTempDirectory: the folder gets the umask's mode (0755), not 0700.
            Path staging = Files.createDirectory(parent.resolve(hiddenName(absolute, "staging")));
            Files.writeString(staging.resolve(OutputFolder.STAMP), OutputFolder.STAMP_TEXT);
            return new StagedOutput(target, absolute, staging, force, mover);
        } catch (IOException e) {
            throw cannotWrite(target, parent, e);
        }
    }

    /** Where the build writes. */
    public Path folder() {
        return staging;
    }

    /**
     * Replaces the target with the staged site, or leaves the target as it was.
     *
     * @return a note when the previous site could not be deleted after the swap (the new site is in place)
     */
    public java.util.Optional<String> publish() {
        OutputFolder.check(named, Map.of(), force); // the folder may have changed during the build
        ordinaryPermissions();
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = target.resolveSibling(hiddenName(target, "old"));
                mover.move(target, old);
            }
        } catch (IOException e) {
            throw new InputException(
                    Location.of(named),
                    "cannot move the previous site aside to replace it (" + InputTree.reason(e)
                            + "): make this folder and " + target.getParent() + " writable, or choose another --out",
                    e);
        }
        try {
            mover.move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                try {
                    mover.move(old, target);
                } catch (IOException undo) {
                    throw new InputException(
                            Location.of(named),
                            "cannot publish the site (" + InputTree.reason(e)
                                    + ") nor put the previous site back (" + InputTree.reason(undo) + "): it is in "
                                    + old
                                    + "; move it back by hand");
                }
            }
            throw cannotWrite(named, target.getParent(), e);
        }
        published = true;
        if (old != null) {
            try {
                FileTrees.delete(old);
            } catch (IOException e) {
                return java.util.Optional.of("the site is published, but the previous one could not be removed from "
                        + old + " (" + InputTree.reason(e) + "); delete it by hand");
            }
        }
        return java.util.Optional.empty();
    }

    /** Drops the staging folder unless it was published. */
    @Override
    public void close() {
        if (!published) {
            try {
                FileTrees.delete(staging);
            } catch (IOException e) {
                throw cannotWrite(named, staging, e);
            }
        }
    }

    /**
     * Folders 0777 and files 0666 less the umask, whatever the mode of what was copied in (a chart
     * cache entry, an image saved 0600): a web server running as another user must read the site.
     */
    private void ordinaryPermissions() {
        if (Files.getFileAttributeView(staging, PosixFileAttributeView.class) == null) {
            return;
        }
        try {
            Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(staging);
            Path probe = Files.createFile(staging.resolve(".poolbench-umask-probe"));
            Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(probe);
            Files.delete(probe);
            Files.walkFileTree(staging, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.setPosixFilePermissions(dir, folderMode);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (attrs.isRegularFile()) {
                        Files.setPosixFilePermissions(file, fileMode);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw cannotWrite(named, staging, e);
        }
    }

    private static String hiddenName(Path target, String kind) {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return "." + target.getFileName() + "-" + kind + "-" + HexFormat.of().formatHex(random);
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** One line naming the folder and what to do, in place of a stack trace. */
    static InputException cannotWrite(Path out, Path folder, IOException e) {
        return cannotWrite(folder, folder.equals(out.toAbsolutePath().normalize()) ? "" : "for " + out + " ", e);
    }

    /** The same for a folder inside the site being built. */
    public static InputException cannotWrite(Path folder, IOException e) {
        return cannotWrite(folder, "", e);
    }

    private static InputException cannotWrite(Path folder, String forWhat, IOException e) {
        return new InputException(
                Location.of(folder),
                "cannot write the site " + forWhat + "here (" + InputTree.reason(e)
                        + "): make this folder writable, or choose another --out",
                e);
    }
}
