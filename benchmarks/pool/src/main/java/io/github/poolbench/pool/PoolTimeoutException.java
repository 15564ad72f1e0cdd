package io.github.poolbench.pool;

/** A blocking call did not finish within its timeout; work still outstanding was cancelled. */
public class PoolTimeoutException extends PoolException {

    public PoolTimeoutException(String message) {
        super(message);
    }
}
