package io.github.poolbench.pool;

/** What runs a {@link WorkerPool}'s tasks: the three contenders of the lesson. */
public enum PoolKind {
    /** Worker JVMs, one task at a time each; inputs, tasks and results cross a pipe serialized. */
    PROCESS,
    /** A fixed pool of platform threads. */
    THREAD,
    /** A virtual thread per task, at most {@code size} running at once ({@code size} 0: no cap). */
    VIRTUAL
}
