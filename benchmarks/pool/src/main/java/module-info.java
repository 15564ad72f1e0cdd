/**
 * Process, thread and virtual-thread pools behind one API ({@link io.github.poolbench.pool.WorkerPool}).
 * Requires nothing but {@code java.base}; exports only the public API, whose package holds nothing else
 * public.
 */
module io.github.poolbench.pool {
    exports io.github.poolbench.pool;
}
