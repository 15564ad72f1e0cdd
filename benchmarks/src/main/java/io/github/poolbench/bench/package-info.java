/**
 * The JMH suite: one benchmark class per question the lessons ask, the {@link
 * io.github.poolbench.bench.Profile profiles} that size a run, and {@link
 * io.github.poolbench.bench.Suite}, the entry point that runs a profile and writes its results.
 */
package io.github.poolbench.bench;
