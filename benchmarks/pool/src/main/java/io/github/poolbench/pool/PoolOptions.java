package io.github.poolbench.pool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link WorkerPool} waits, closes and starts its workers. Immutable; derive variants with the
 * {@code with…} methods from {@link #defaults()}.
 *
 * @param defaultTimeout how long {@code map} and {@code asCompleted} wait when no timeout is given
 * @param startTimeout how long a {@link PoolKind#PROCESS} pool waits for every worker's handshake
 * @param closeGrace how long {@link WorkerPool#close()} lets running tasks finish before it kills
 *     workers (processes) or interrupts them (threads)
 * @param workerJvmFlags extra flags for worker JVMs, after the pool's own (so they win), e.g. {@code -Xmx64m}
 * @param allowedClasses extra classes or packages that may be deserialized, in
 *     {@link java.io.ObjectInputFilter.Config#createFilter} syntax without {@code !}: {@code com.example.Point},
 *     {@code com.example.*} (one package) or {@code com.example.**} (and subpackages)
 */
public record PoolOptions(
        Duration defaultTimeout,
        Duration startTimeout,
        Duration closeGrace,
        List<String> workerJvmFlags,
        List<String> allowedClasses) {

    public PoolOptions {
        requirePositive(defaultTimeout, "defaultTimeout");
        requirePositive(startTimeout, "startTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        if (closeGrace.isNegative()) {
            throw new IllegalArgumentException("closeGrace must not be negative: " + closeGrace);
        }
        workerJvmFlags = List.copyOf(workerJvmFlags);
        allowedClasses = List.copyOf(allowedClasses);
    }

    /** Five minutes per blocking call, a minute to start, five seconds' grace. */
    public static PoolOptions defaults() {
        return new PoolOptions(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(5),
                List.of(), List.of());
    }

    public PoolOptions withDefaultTimeout(Duration timeout) {
        return new PoolOptions(timeout, startTimeout, closeGrace, workerJvmFlags, allowedClasses);
    }

    public PoolOptions withStartTimeout(Duration timeout) {
        return new PoolOptions(defaultTimeout, timeout, closeGrace, workerJvmFlags, allowedClasses);
    }

    public PoolOptions withCloseGrace(Duration grace) {
        return new PoolOptions(defaultTimeout, startTimeout, grace, workerJvmFlags, allowedClasses);
    }

    public PoolOptions withWorkerJvmFlags(String... flags) {
        return new PoolOptions(defaultTimeout, startTimeout, closeGrace, List.of(flags), allowedClasses);
    }

    public PoolOptions withAllowedClasses(String... patterns) {
        return new PoolOptions(defaultTimeout, startTimeout, closeGrace, workerJvmFlags, List.of(patterns));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
