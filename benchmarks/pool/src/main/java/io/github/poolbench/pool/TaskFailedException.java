package io.github.poolbench.pool;

/**
 * A task threw for one input. The cause is what it threw; for a {@link PoolKind#PROCESS} pool that is a
 * {@link RemoteTaskException} whose stack trace holds the worker's frames.
 */
public class TaskFailedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
