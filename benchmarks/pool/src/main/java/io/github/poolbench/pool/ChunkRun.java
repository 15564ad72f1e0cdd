package io.github.poolbench.pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of applying a task to a chunk of inputs in order, stopping at the first failure, as a
 * thread pool and a worker process both do.
 *
 * @param results the results of the inputs before the failure (all of them when none failed)
 * @param failure what the task threw, or {@code null}
 */
record ChunkRun(List<Object> results, Throwable failure) {

    /** The offset in the chunk of the input that failed. */
    int failedAt() {
        return results.size();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ChunkRun apply(Task task, List<?> inputs) {
        List<Object> results = new ArrayList<>(inputs.size());
        for (Object input : inputs) {
            try {
                results.add(task.apply(input));
            } catch (Throwable failure) { // an Error too: it fails this input, not the worker
                return new ChunkRun(results, failure);
            }
        }
        return new ChunkRun(results, null);
    }
}
