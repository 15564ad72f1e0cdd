package io.github.poolbench.chart;

import io.github.poolbench.presentation.Verdicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * PNGs already drawn, kept by a hash of what they show: the chart's data, the theme and the
 * renderer's version. A rebuild after a text edit copies them instead of drawing again. Without a
 * folder the cache is off and every chart is drawn.
 */
public final class ChartCache {

    /**
     * The drawing code itself, and the verdict words a trend's legend takes from {@link Verdicts}, so
     * a change to either can never serve a stale picture even when {@link ChartRenderer#VERSION} was
     * not bumped.
     */
    private static final byte[] RENDERER =
            classBytes(ChartRenderer.class, PngEncoder.class, Theme.class, Verdicts.class);

    private final Optional<Path> folder;

    public ChartCache(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The hex SHA-256 naming one variant's PNG in the cache. */
    public static String key(Drawing data, Theme theme, ChartRenderer.Size size) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(RENDERER);
            digest.update((ChartRenderer.VERSION + "|" + theme.name() + "|" + size + "|" + data.cacheKey())
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] classBytes(Class<?>... types) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (Class<?> type : types) {
            try (java.io.InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                if (in != null) {
                    in.transferTo(bytes);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + type, e);
            }
        }
        return bytes.toByteArray();
    }

    /** Copies the cached PNG to {@code target}; false when it is not cached. */
    public boolean copyTo(String key, Path target) {
        if (folder.isEmpty()) {
            return false;
        }
        Path cached = file(key);
        if (!Files.isRegularFile(cached)) {
            return false;
        }
        try {
            Files.createDirectories(target.getParent());
            Files.copy(cached, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false; // a damaged cache only costs a redraw
        }
    }

    /** Stores a drawn PNG; written to a temporary name first, so a reader never sees half a file. */
    public void put(String key, byte[] png) {
        if (folder.isEmpty()) {
            return;
        }
        Path cached = file(key);
        try {
            Files.createDirectories(cached.getParent());
            Path temp = Files.createTempFile(cached.getParent(), key, ".tmp");
            Files.write(temp, png);
            try {
                Files.move(temp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the chart cache " + cached, e);
        }
    }

    private Path file(String key) {
        return folder.orElseThrow()
                .resolve("charts")
                .resolve(key.substring(0, 2))
                .resolve(key + ".png");
    }
}
