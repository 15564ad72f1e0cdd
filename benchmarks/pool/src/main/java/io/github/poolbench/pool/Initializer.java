package io.github.poolbench.pool;

import java.io.Serializable;

/**
 * Set-up run once in each worker before its first task, as Python's {@code initializer}: in each worker
 * process before it answers the handshake, on each {@code THREAD} pool thread, and on each {@code VIRTUAL}
 * thread (one per chunk). Serializable, as a {@link Task} is, so the same lambda serves every kind.
 */
@FunctionalInterface
public interface Initializer extends Serializable {

    /** Prepares the worker; if it throws, the worker runs no task (see {@link PoolOptions#initializer()}). */
    void initialize() throws Exception;
}
