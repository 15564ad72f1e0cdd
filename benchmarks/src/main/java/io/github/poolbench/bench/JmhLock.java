package io.github.poolbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Waits while another JMH run holds JMH's machine-wide lock ({@code <tmpdir>/jmh.lock}). JMH itself
 * refuses to start when the lock is taken; on a shared machine waiting is kinder than failing, and
 * two benchmark runs at once would spoil each other's numbers anyway.
 */
final class JmhLock {

    private JmhLock() {}

    /**
     * Returns once the lock is free (it is taken and released again at once: JMH takes it next), or
     * after {@code patience}, when JMH will report the conflict itself.
     *
     * @return how long it waited
     */
    static Duration awaitFree(Duration patience, PrintStream out) {
        if (Boolean.getBoolean("jmh.ignoreLock")) {
            return Duration.ZERO; // JMH will not look either
        }
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        long start = System.nanoTime();
        boolean told = false;
        while (true) {
            try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock held = channel.tryLock();
                if (held != null) {
                    held.release();
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException | RuntimeException e) {
                return Duration.ofNanos(System.nanoTime() - start); // cannot tell: let JMH decide
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            if (waited.compareTo(patience) >= 0) {
                return waited;
            }
            if (!told) {
                out.println("poolbench: another JMH run holds " + lock + "; waiting for it to finish (at most "
                        + Progress.clock(patience) + ")");
                told = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return waited;
            }
        }
    }
}
