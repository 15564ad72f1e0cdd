package io.github.poolbench.pool;

/**
 * An input, task or result could not cross the pipe to or from a worker JVM: it is not serializable, or
 * the receiving side's {@link java.io.ObjectInputFilter} refused one of its classes.
 */
public class SerializationFailedException extends PoolException {

    private static final long serialVersionUID = 1L;

    public SerializationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
