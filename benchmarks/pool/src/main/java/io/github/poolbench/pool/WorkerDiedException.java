package io.github.poolbench.pool;

/** A worker process ended while it ran a task; the pool has replaced it, the input may be retried. */
public class WorkerDiedException extends PoolException {

    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public WorkerDiedException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    /** The worker's exit status, e.g. 137 for SIGKILL on Linux and macOS, or -1 when it could not be read. */
    public int exitStatus() {
        return exitStatus;
    }
}
