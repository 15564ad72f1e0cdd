package io.github.poolbench.pool;

/** Base of every error a {@link WorkerPool} reports; unchecked, like Python's exceptions. */
public class PoolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PoolException(String message) {
        super(message);
    }

    public PoolException(String message, Throwable cause) {
        super(message, cause);
    }
}
