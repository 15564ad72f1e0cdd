package io.github.poolbench.pool;

/** A blocking call did not finish within its timeout; work still outstanding was cancelled. */
public class PoolTimeoutException extends PoolException {

    private static final long serialVersionUID = 1L;

    public PoolTimeoutException(String message) {
        super(message);
    }
}
