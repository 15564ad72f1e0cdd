package io.github.poolbench.pool;

import java.io.Serializable;

/**
 * A function a pool applies to one input. Serializable so that the same lambda or method reference runs
 * on every {@link PoolKind}: a {@link PoolKind#PROCESS} pool ships it to a worker JVM by name, as Python
 * pickles a function, and a thread pool simply calls it.
 *
 * @param <T> the input type
 * @param <R> the result type
 */
@FunctionalInterface
public interface Task<T, R> extends Serializable {

    /** Computes the result for one input; may throw, which fails that input only. */
    R apply(T input) throws Exception;
}
