package io.github.poolbench.pool;

/** The pool was used after {@link WorkerPool#close()}, or closed before a task could finish. */
public class PoolClosedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public PoolClosedException(String message) {
        super(message);
    }
}
