package io.github.poolbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folders and everything below them, and calls back once a burst of changes has settled:
 * an editor's save is often several events (temporary file, rename, attribute change), and one
 * rebuild should follow them all.
 */
final class SiteWatcher implements AutoCloseable {

    /** Quiet time after the last change before the callback runs. */
    static final long DEBOUNCE_MILLIS = 150;

    private final WatchService service;
    private final Thread thread;

    SiteWatcher(List<Path> roots, Runnable onChange) {
        try {
            service = FileSystems.getDefault().newWatchService();
            for (Path root : roots) {
                if (Files.isDirectory(root)) {
                    registerTree(root);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + roots, e);
        }
        thread = Thread.ofPlatform().daemon().name("poolbench-watch").start(() -> loop(onChange));
    }

    private void loop(Runnable onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean changed = drain(key);
                // Collect the rest of the burst: stop once nothing came for DEBOUNCE_MILLIS.
                for (WatchKey more = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
                        more != null;
                        more = service.poll(DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS)) {
                    changed |= drain(more);
                }
                if (changed) {
                    onChange.run();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the preview is stopping
        }
    }

    /** Reads a key's events, watching new folders too; true when anything changed. */
    private boolean drain(WatchKey key) {
        Path folder = (Path) key.watchable();
        boolean changed = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            changed = true;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && event.context() instanceof Path name
                    && Files.isDirectory(folder.resolve(name))) {
                try {
                    registerTree(folder.resolve(name));
                } catch (IOException e) {
                    // the folder went away again before we could watch it: nothing to watch
                }
            }
        }
        key.reset();
        return changed;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                folder.register(
                        service,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
