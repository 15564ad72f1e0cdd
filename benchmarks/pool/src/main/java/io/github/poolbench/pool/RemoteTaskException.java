package io.github.poolbench.pool;

/**
 * What a task threw inside a worker JVM, rebuilt in the parent: the message names the remote class, the
 * stack trace is the remote one and the cause chain mirrors the remote causes. The remote exception
 * itself is not deserialized, so a worker can report exceptions whose classes the parent would refuse.
 */
public final class RemoteTaskException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;

    RemoteTaskException(
            String remoteClassName, String message, StackTraceElement[] remoteFrames, RemoteTaskException cause) {
        super(message == null ? remoteClassName : remoteClassName + ": " + message, cause, true, true);
        this.remoteClassName = remoteClassName;
        setStackTrace(remoteFrames);
    }

    /** The binary name of the exception class the task threw in the worker, e.g. {@code java.lang.IllegalStateException}. */
    public String remoteClassName() {
        return remoteClassName;
    }

    @Override
    public String toString() {
        return "(remote) " + getMessage();
    }
}
