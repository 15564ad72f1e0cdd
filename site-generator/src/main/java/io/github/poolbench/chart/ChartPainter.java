package io.github.poolbench.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Draws a build's charts in parallel, light and dark, wide and narrow PNGs of each, copying from the
 * {@link ChartCache} what was drawn before. Pages are rendered while the charts draw.
 */
public final class ChartPainter implements AutoCloseable {

    /** What a build's charts cost: how many PNGs were drawn and how many came from the cache. */
    public record Stats(int drawn, int cached) {}

    private final ChartRenderer renderer = new ChartRenderer();
    private final ChartCache cache;
    private final ExecutorService executor;
    private final Map<Path, Future<?>> jobs = new LinkedHashMap<>();
    private final AtomicInteger drawn = new AtomicInteger();
    private final AtomicInteger cached = new AtomicInteger();

    public ChartPainter(ChartCache cache) {
        this.cache = cache;
        this.executor = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().daemon().name("poolbench-chart-", 1).factory());
    }

    /** A variant's file beside the wide light one: {@code x-narrow-dark.png} for the narrow dark one. */
    public static Path variant(Path png, Theme theme, ChartRenderer.Size size) {
        String name = png.getFileName().toString();
        return png.resolveSibling(
                name.substring(0, name.length() - ".png".length()) + size.suffix() + theme.suffix() + ".png");
    }

    /** Queues every variant of a chart (light and dark, wide and narrow); a second request for the same file is ignored. */
    public synchronized void paint(Drawing data, Path png) {
        for (ChartRenderer.Size size : ChartRenderer.Size.ALL) {
            for (Theme theme : Theme.ALL) {
                Path target = variant(png, theme, size);
                jobs.computeIfAbsent(target, t -> executor.submit(() -> draw(data, theme, size, t)));
            }
        }
    }

    private void draw(Drawing data, Theme theme, ChartRenderer.Size size, Path target) {
        String key = ChartCache.key(data, theme, size);
        if (cache.copyTo(key, target)) {
            cached.incrementAndGet();
            return;
        }
        byte[] png = renderer.render(data, theme, size);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + target, e);
        }
        cache.put(key, png);
        drawn.incrementAndGet();
    }

    /** Waits for every chart queued so far; rethrows the first failure. */
    public Stats await() {
        List<Future<?>> pending;
        synchronized (this) {
            pending = new ArrayList<>(jobs.values());
        }
        for (Future<?> job : pending) {
            try {
                job.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drawing charts", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("drawing a chart failed", e.getCause());
            }
        }
        return new Stats(drawn.get(), cached.get());
    }

    /** Stops drawing and waits for charts under way, so no file is written after a failed build cleaned up. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("charts still drawing a minute after the build stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
