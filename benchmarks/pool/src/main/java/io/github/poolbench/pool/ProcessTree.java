package io.github.poolbench.pool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds the processes a worker's tasks started even after the worker is gone. A worker killed from outside
 * leaves its children to init, where {@link ProcessHandle#descendants()} no longer reaches them; so each
 * worker starts with a mark of its own in its environment, which every process it starts inherits, and on
 * Linux the pool ends every process whose environment holds the mark ({@code /proc/<pid>/environ}).
 * Elsewhere only the tree still hanging from a live worker is found: on macOS and Windows a process that
 * a task started and that was orphaned when its worker was killed from outside lives on.
 */
final class ProcessTree {

    /** The environment variable that marks a worker and everything it starts. */
    static final String MARK = "POOLBENCH_WORKER_TREE";

    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {}

    /** A mark no other worker, of this pool or another, has. */
    static String newMark() {
        // concat(), not +: each new + site costs a fresh parent the linking of a method handle.
        return Long.toString(ProcessHandle.current().pid())
                .concat("-")
                .concat(Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    /** Kills every process whose environment holds {@code mark}; where /proc cannot tell, does nothing. */
    static void killMarked(String mark) {
        if (!Files.isDirectory(PROC)) {
            return;
        }
        byte[] wanted = ("\0" + MARK + "=" + mark + "\0").getBytes(StandardCharsets.UTF_8);
        // Listed without a glob: a glob is a regex, whose classes a parent need not load.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && holds(entry.resolve("environ"), wanted)) {
                    ProcessHandle.of(Long.parseLong(name)).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        } catch (IOException | RuntimeException e) {
            // /proc went away under us: nothing more to find
        }
    }

    /** Whether the NUL-separated environment in {@code environ} holds {@code wanted} (NUL-framed). */
    private static boolean holds(Path environ, byte[] wanted) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);
        } catch (IOException | RuntimeException notOursOrGone) {
            return false;
        }
        // The first variable has no NUL before it: compare from the second byte of wanted there.
        return indexOf(bytes, wanted, 1, 0) == 0 || indexOf(bytes, wanted, 0, 0) >= 0;
    }

    private static int indexOf(byte[] bytes, byte[] wanted, int skip, int from) {
        int length = wanted.length - skip;
        outer:
        for (int at = from; at <= bytes.length - length; at++) {
            for (int i = 0; i < length; i++) {
                if (bytes[at + i] != wanted[skip + i]) {
                    continue outer;
                }
            }
            return at;
        }
        return -1;
    }
}
