package io.github.poolbench.pool;

/**
 * One finished input, as {@link WorkerPool#asCompleted} yields it: a result or an error, never both.
 *
 * @param index the input's position in the inputs given
 * @param input the input itself
 * @param result the task's result, or {@code null} when it failed
 * @param error why the input failed, or {@code null} when it succeeded
 */
public record Completion<T, R>(int index, T input, R result, PoolException error) {

    public boolean succeeded() {
        return error == null;
    }

    /** The result, or the error thrown. */
    public R resultOrThrow() {
        if (error != null) {
            throw error;
        }
        return result;
    }
}
