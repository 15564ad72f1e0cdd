package io.github.poolbench.pool;

/**
 * A worker process ended while it ran a task; the pool has replaced it, the input may be retried. The
 * message says how it ended in words to act on, with its last lines on stderr; {@link #reason()} says it to
 * code.
 */
public class WorkerDiedException extends PoolException {

    private static final long serialVersionUID = 1L;

    /** How a worker process ended. */
    public enum Reason {
        /** It exited by itself, e.g. {@code System.exit(42)} in a task. */
        EXITED,
        /**
         * It ran out of Java heap: the worker's {@code -XX:+ExitOnOutOfMemoryError} ended it (exit status 3),
         * with the {@code OutOfMemoryError} on its stderr. More heap: {@code PoolOptions.withWorkerJvmFlags("-Xmx…")}.
         */
        OUT_OF_MEMORY,
        /**
         * A signal ended it (exit status 128 + the signal's number on Linux and macOS): SIGKILL from outside,
         * often the kernel's OOM killer when the machine runs short of memory; SIGSEGV or SIGABRT when the JVM
         * crashed.
         */
        SIGNALLED,
        /** It sent nothing, not even its heartbeat, for {@code PoolOptions.heartbeatTimeout()}: the pool killed it. */
        STOPPED_ANSWERING,
        /** The pool killed it for another reason the message names, e.g. it sent what the pool could not read. */
        KILLED_BY_POOL,
        /** Its exit status could not be read. */
        UNKNOWN
    }

    private final int exitStatus;
    private final Reason reason;

    /** A worker that ended with {@code exitStatus}, reason {@link Reason#EXITED} (or UNKNOWN for -1). */
    public WorkerDiedException(String message, int exitStatus) {
        this(message, exitStatus, exitStatus == -1 ? Reason.UNKNOWN : Reason.EXITED);
    }

    public WorkerDiedException(String message, int exitStatus, Reason reason) {
        super(message);
        this.exitStatus = exitStatus;
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    /** The worker's exit status, e.g. 137 for SIGKILL on Linux and macOS, or -1 when it could not be read. */
    public int exitStatus() {
        return exitStatus;
    }

    /** How the worker ended, for code that branches on it. */
    public Reason reason() {
        return reason;
    }
}
