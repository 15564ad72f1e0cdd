/**
 * {@code poolbench compare OLD NEW}: two JMH JSON files (any project's, {@code -rf json}) side by
 * side, point by point, with the site's own statistics. A point is a benchmark in one mode at one
 * combination of params and thread count; each point's primary score, and each secondary metric
 * both files measured with an error estimate, gets a row: both scores with JMH's 99.9 % interval,
 * the ratio NEW ÷ OLD of the means with its own 99.9 % interval (Fieller, from the raw samples:
 * {@link io.github.poolbench.results.Ratio#fieller}), and a verdict that is a word only when that
 * interval excludes 1.
 *
 * <p>Which way is better ({@link io.github.poolbench.compare.Direction}): the primary score follows
 * the mode (throughput higher, every time mode lower). A secondary metric follows its unit, since
 * JMH's profilers name what they measure there: a time per operation is better lower and a rate of
 * operations better higher (group benchmarks' per-method scores, sample mode's percentiles); any
 * other per-operation cost ({@code gc.alloc.rate.norm} in B/op, perfnorm's counters) is better lower;
 * anything not normalised per operation ({@code gc.alloc.rate} in MB/sec, {@code gc.count},
 * {@code gc.time}) has no better side, because faster code does more operations per second and so
 * allocates and collects more per second: those rows say only {@code higher} or {@code lower}.
 */
package io.github.poolbench.compare;
