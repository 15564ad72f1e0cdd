package io.github.poolbench.pool;

import java.io.Serializable;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What went wrong in a worker, as plain data: a throwable's class name, message, frames and causes. The
 * parent rebuilds it as a {@link RemoteTaskException} without loading the remote exception's class.
 *
 * @param stage what the worker was doing
 * @param failedAt the offset in the job's chunk of the input concerned
 */
record RemoteFailure(
        Stage stage, int failedAt, String className, String message, StackTraceElement[] frames, RemoteFailure cause)
        implements Serializable {

    private static final int MAX_CAUSES = 32;

    enum Stage {
        /** The task threw. */
        TASK_THREW,
        /** The worker could not read the task or its inputs. */
        REQUEST_UNREADABLE,
        /** A result could not be serialized. */
        RESULT_UNWRITABLE
    }

    static RemoteFailure of(Stage stage, int failedAt, Throwable thrown) {
        return of(stage, failedAt, thrown, new IdentityHashMap<>());
    }

    private static RemoteFailure of(Stage stage, int failedAt, Throwable thrown, Map<Throwable, Boolean> seen) {
        Throwable cause = thrown.getCause();
        boolean followCause = cause != null && seen.size() < MAX_CAUSES && seen.put(thrown, true) == null;
        return new RemoteFailure(
                stage,
                failedAt,
                thrown.getClass().getName(),
                thrown.getMessage(),
                thrown.getStackTrace(),
                followCause ? of(stage, failedAt, cause, seen) : null);
    }

    /** The remote throwable, rebuilt with its remote frames and causes. */
    RemoteTaskException toException() {
        return new RemoteTaskException(className, message, frames, cause == null ? null : cause.toException());
    }

    /** {@code java.lang.IllegalStateException: boom}, as {@link Throwable#toString()} would say it remotely. */
    String summary() {
        return message == null ? className : className + ": " + message;
    }
}
