package io.github.poolbench.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The most worker processes this machine holds: the memory available now (Linux's {@code MemAvailable})
 * over {@value #MB_PER_WORKER} MB a worker. An idle worker takes about 20 MB; the rest is room for
 * what its tasks allocate. Where the available memory cannot be read (macOS, Windows), the cap is
 * {@value #UNKNOWN_MEMORY_CAP}. {@link PoolOptions#withWorkerProcessCap} replaces it.
 */
final class WorkerCap {

    /** What the cap counts for each worker, in MiB. */
    static final int MB_PER_WORKER = 64;

    static final int UNKNOWN_MEMORY_CAP = 256;

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private WorkerCap() {}

    /** The cap for {@code options}: its own, or the machine's. */
    static String check(int size, PoolOptions options) {
        if (options.workerProcessCap() > 0) {
            return size <= options.workerProcessCap()
                    ? null
                    : "the cap is " + options.workerProcessCap() + " (PoolOptions.withWorkerProcessCap)";
        }
        String meminfo;
        try {
            meminfo = Files.readString(MEMINFO);
        } catch (IOException | RuntimeException noProcfs) {
            meminfo = "";
        }
        long available = availableBytes(meminfo);
        int cap = machineCap(available);
        if (size <= cap) {
            return null;
        }
        return "this machine holds at most " + cap + " ("
                + (available < 0
                        ? "its free memory is unknown here"
                        : available / (1 << 20) + " MB available / " + MB_PER_WORKER + " MB a worker")
                + ") (PoolOptions.withWorkerProcessCap sets another)";
    }

    /** {@code MemAvailable} from the text of /proc/meminfo, in bytes, or -1 when it is not there. */
    static long availableBytes(String meminfo) {
        // By hand, not split(regex): a regex would load its classes into every parent that opens a pool.
        int at = meminfo.startsWith("MemAvailable:") ? 0 : meminfo.indexOf("\nMemAvailable:") + 1;
        if (at == 0 && !meminfo.startsWith("MemAvailable:")) {
            return -1;
        }
        int end = meminfo.indexOf('\n', at);
        String value = meminfo.substring(at + "MemAvailable:".length(), end < 0 ? meminfo.length() : end)
                .strip();
        boolean kilobytes = value.endsWith(" kB");
        try {
            long number = Long.parseLong(
                    kilobytes ? value.substring(0, value.length() - 3).strip() : value);
            return kilobytes ? number * 1024 : number;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The cap for {@code availableBytes} of memory (-1: unknown); at least 1. */
    static int machineCap(long availableBytes) {
        if (availableBytes < 0) {
            return UNKNOWN_MEMORY_CAP;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, availableBytes / ((long) MB_PER_WORKER << 20)));
    }
}
