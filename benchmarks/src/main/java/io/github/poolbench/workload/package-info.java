/**
 * The lesson's workloads as pure functions, each usable as a pool task on every pool kind.
 *
 * <p>Every workload is a static method whose input and output are serializable values, so a
 * method reference to it can be shipped to a worker process as well as run on a thread:
 *
 * <ul>
 *   <li>{@link io.github.poolbench.workload.Square#square(Long) square}: x to x squared, so small
 *       that the pool's own overhead dominates;
 *   <li>{@link io.github.poolbench.workload.Sleep#nap(Sleep.Nap) sleep}: the lesson's "print time"
 *       example, a task that prints when it started and then sleeps;
 *   <li>{@link io.github.poolbench.workload.Primes#countBelow(Integer) primes}: CPU-bound trial
 *       division;
 *   <li>{@link io.github.poolbench.workload.VersionFetch#fetchVersion(String) fetch}: the lesson's
 *       version fetch, against a {@link io.github.poolbench.workload.VersionFleet fleet} of local
 *       HTTP servers on 127.0.0.1;
 *   <li>{@code many}: ten thousand short {@link io.github.poolbench.workload.Sleep#nap naps}, the
 *       home ground of virtual threads.
 * </ul>
 *
 * <p>None of them reads global state: whatever a task needs arrives as its input.
 */
package io.github.poolbench.workload;
