package io.github.poolbench.pool;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
 *     {@code com.example.*} (one package) or {@code com.example.**} (and subpackages), or a prefix ending
 *     in {@code *}, e.g. {@code com.example.Probe$*} for Probe's nested classes. The classes a task is of and
 *     was written in are allowed without asking.
 * @param maxTasksPerWorker {@link PoolKind#PROCESS} only: a worker process is replaced by a fresh one
 *     after this many jobs (a chunk of a map is one job, as in Python); 0 for never. In-process pools
 *     ignore it
 * @param initializer run once in each worker before its first task, or null; if it throws, a worker
 *     process ends before its handshake (so {@code open} fails with the initializer's error, or the
 *     pool stops replacing workers after three such failures) and on a thread every task fails with it
 * @param workerProcessCap {@link PoolKind#PROCESS} only: the most workers a pool may have; 0 (the default)
 *     for the machine's own cap: its available memory (Linux's {@code MemAvailable}) over 64 MB a worker,
 *     or 256 where that cannot be read. {@code open} fails at once past it, before it starts any worker
 * @param heartbeatTimeout {@link PoolKind#PROCESS} only: a worker that sends nothing, not even its
 *     heartbeat (one a second, or a quarter of this if that is shorter), for this long is taken for frozen
 *     (stopped, swapped out, deadlocked in the JVM): it is killed, the job it ran fails with a
 *     {@link WorkerDiedException}, and the jobs sent ahead to it go to other workers
 * @param spareWorkers {@link PoolKind#PROCESS} only: workers started ahead, beyond {@code size}, that take the
 *     place of a worker that dies, is killed or is recycled at once, so the next task need not wait for a
 *     JVM to boot (a fresh spare is then started in the background). Each costs a JVM's memory (about
 *     20 MB) and its start-up CPU, once at open and again after each replacement; 0 (the default) for none
 * @param warmUp warm each worker before {@code open} returns, so that the first {@code map} does not pay
 *     for the JVM's class loading: a worker process runs the initializer, loads {@code warmUpClasses}
 *     and sends a no-op task through the pool's codecs before its handshake (a spare or replacement
 *     does the same); a {@code THREAD} pool starts every thread and runs the initializer on it, a
 *     {@code VIRTUAL} pool runs it once; both load {@code warmUpClasses}. A failure fails {@code open}
 * @param warmUpClasses classes to load and initialize when warming up, by binary name
 */
public record PoolOptions(
        Duration defaultTimeout,
        Duration startTimeout,
        Duration closeGrace,
        List<String> workerJvmFlags,
        List<String> allowedClasses,
        int maxTasksPerWorker,
        Initializer initializer,
        int workerProcessCap,
        Duration heartbeatTimeout,
        int spareWorkers,
        boolean warmUp,
        List<String> warmUpClasses) {

    public PoolOptions {
        requirePositive(defaultTimeout, "defaultTimeout");
        requirePositive(startTimeout, "startTimeout");
        Objects.requireNonNull(closeGrace, "closeGrace");
        if (closeGrace.isNegative()) {
            throw new IllegalArgumentException("closeGrace must not be negative: " + closeGrace);
        }
        if (maxTasksPerWorker < 0) {
            throw new IllegalArgumentException("maxTasksPerWorker must be 0 (no limit) or more: " + maxTasksPerWorker);
        }
        if (workerProcessCap < 0) {
            throw new IllegalArgumentException(
                    "workerProcessCap must be 0 (the machine's cap) or more: " + workerProcessCap);
        }
        requirePositive(heartbeatTimeout, "heartbeatTimeout");
        if (spareWorkers < 0) {
            throw new IllegalArgumentException("spareWorkers must be 0 (none) or more: " + spareWorkers);
        }
        workerJvmFlags = List.copyOf(workerJvmFlags);
        allowedClasses = List.copyOf(allowedClasses);
        warmUpClasses = List.copyOf(warmUpClasses);
    }

    /**
     * Five minutes per blocking call, a minute to start, five seconds' grace, no recycling, no initializer,
     * the machine's cap on worker processes, a worker silent for ten seconds taken for frozen, no spare
     * worker, no warm-up.
     */
    public static PoolOptions defaults() {
        return new PoolOptions(
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofSeconds(5),
                List.of(),
                List.of(),
                0,
                null,
                0,
                Duration.ofSeconds(10),
                0,
                false,
                List.of());
    }

    public PoolOptions withDefaultTimeout(Duration timeout) {
        return with(d -> d.defaultTimeout = timeout);
    }

    public PoolOptions withStartTimeout(Duration timeout) {
        return with(d -> d.startTimeout = timeout);
    }

    public PoolOptions withCloseGrace(Duration grace) {
        return with(d -> d.closeGrace = grace);
    }

    public PoolOptions withWorkerJvmFlags(String... flags) {
        return with(d -> d.workerJvmFlags = List.of(flags));
    }

    public PoolOptions withAllowedClasses(String... patterns) {
        return with(d -> d.allowedClasses = List.of(patterns));
    }

    /** Replaces each worker process after this many jobs (0: never), as Python's {@code max_tasks_per_child}. */
    public PoolOptions withMaxTasksPerWorker(int jobs) {
        return with(d -> d.maxTasksPerWorker = jobs);
    }

    /** Runs {@code setUp} once in each worker before its first task (null: none). */
    public PoolOptions withInitializer(Initializer setUp) {
        return with(d -> d.initializer = setUp);
    }

    /** Caps a PROCESS pool at {@code workers} (0: the machine's cap, from its available memory). */
    public PoolOptions withWorkerProcessCap(int workers) {
        return with(d -> d.workerProcessCap = workers);
    }

    /** Takes a worker process silent for {@code timeout} for frozen: it is killed and its queued jobs go elsewhere. */
    public PoolOptions withHeartbeatTimeout(Duration timeout) {
        return with(d -> d.heartbeatTimeout = timeout);
    }

    /**
     * Keeps {@code count} workers started ahead in a {@link PoolKind#PROCESS} pool, to take a dead or
     * recycled worker's place at once (0: none).
     */
    public PoolOptions withSpareWorkers(int count) {
        return with(d -> d.spareWorkers = count);
    }

    /** Warms every worker up before {@code open} returns (or not), loading no named class. */
    public PoolOptions withWarmUp(boolean on) {
        return with(d -> {
            d.warmUp = on;
            d.warmUpClasses = List.of();
        });
    }

    /** Warms every worker up before {@code open} returns, loading and initializing these classes in it. */
    public PoolOptions withWarmUp(String... classNames) {
        return with(d -> {
            d.warmUp = true;
            d.warmUpClasses = List.of(classNames);
        });
    }

    /** A copy with one change: each {@code with…} names only what it changes, the record checks the rest. */
    private PoolOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The components of a copy while one {@code with…} method changes it; never leaves this class. */
    private static final class Draft {
        Duration defaultTimeout;
        Duration startTimeout;
        Duration closeGrace;
        List<String> workerJvmFlags;
        List<String> allowedClasses;
        int maxTasksPerWorker;
        Initializer initializer;
        int workerProcessCap;
        Duration heartbeatTimeout;
        int spareWorkers;
        boolean warmUp;
        List<String> warmUpClasses;

        Draft(PoolOptions from) {
            defaultTimeout = from.defaultTimeout;
            startTimeout = from.startTimeout;
            closeGrace = from.closeGrace;
            workerJvmFlags = from.workerJvmFlags;
            allowedClasses = from.allowedClasses;
            maxTasksPerWorker = from.maxTasksPerWorker;
            initializer = from.initializer;
            workerProcessCap = from.workerProcessCap;
            heartbeatTimeout = from.heartbeatTimeout;
            spareWorkers = from.spareWorkers;
            warmUp = from.warmUp;
            warmUpClasses = from.warmUpClasses;
        }

        PoolOptions build() {
            return new PoolOptions(
                    defaultTimeout,
                    startTimeout,
                    closeGrace,
                    workerJvmFlags,
                    allowedClasses,
                    maxTasksPerWorker,
                    initializer,
                    workerProcessCap,
                    heartbeatTimeout,
                    spareWorkers,
                    warmUp,
                    warmUpClasses);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
