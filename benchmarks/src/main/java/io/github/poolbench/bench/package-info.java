/**
 * The JMH suite: one benchmark class per question the lessons ask, the {@link
 * io.github.poolbench.bench.ProfilePlans plans} that size a run of each {@link
 * io.github.poolbench.format.Profile profile}, and {@link
 * io.github.poolbench.bench.Suite}, the entry point that runs a profile and files its results.
 *
 * <h2>Classes and names</h2>
 *
 * <table>
 *   <caption>Benchmarks (all in this package; JMH names are {@code io.github.poolbench.bench.Class.method})</caption>
 *   <tr><th>class</th><th>question</th><th>mode, unit</th><th>{@code pool}</th><th>{@code poolSize}</th><th>other params</th></tr>
 *   <tr><td>{@link io.github.poolbench.bench.SquareBenchmark}</td><td>pool overhead on trivial tasks</td>
 *       <td>AverageTime, us/op</td><td>PROCESS, THREAD, VIRTUAL</td><td>1, 2, 4, 8</td><td>{@code tasks}=1000</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.SleepBenchmark}</td><td>the lesson's "print time": 12 naps</td>
 *       <td>SingleShotTime, ms/op</td><td>PROCESS, THREAD, VIRTUAL</td><td>1 to 12</td>
 *       <td>{@code tasks}=12, {@code sleepMillis}=100</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.PrimesBenchmark}</td><td>CPU-bound work</td>
 *       <td>AverageTime, ms/op</td><td>PROCESS, THREAD, VIRTUAL</td><td>1, 2, 4, 8</td><td>{@code tasks}=8</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.FetchBenchmark}</td><td>the lesson's version fetch, 5 loopback servers</td>
 *       <td>SingleShotTime, ms/op</td><td>PROCESS, THREAD, VIRTUAL</td><td>1 to 5</td><td>none</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.ManyBenchmark}</td><td>10,000 waits of 50 ms</td>
 *       <td>SingleShotTime, ms/op</td><td>THREAD, VIRTUAL</td><td>100, 1000, 10000</td>
 *       <td>{@code tasks}=10000, {@code sleepMillis}=50</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.ChunkSizeBenchmark}</td><td>map's chunk size on the square workload</td>
 *       <td>AverageTime, us/op</td><td>PROCESS, THREAD</td><td>4</td>
 *       <td>{@code tasks}=1000, {@code chunkSize}=1, 4, 16, 64, 256</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.JdkMapBenchmark}</td><td>parallel stream and {@code invokeAll}
 *       against the pool's map, on primes</td><td>AverageTime, ms/op</td><td>none (THREAD, cores)</td><td>none</td>
 *       <td>{@code tasks}=8</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.CommonPoolBenchmark}</td><td>blocking tasks on
 *       {@code CompletableFuture}'s common pool</td><td>SingleShotTime, ms/op</td><td>none</td><td>none</td>
 *       <td>{@code tasks}=12, {@code sleepMillis}=50</td></tr>
 *   <tr><td>{@link io.github.poolbench.bench.PoolStartupBenchmark}</td><td>how long a pool takes to open</td>
 *       <td>SingleShotTime, ms/op</td><td>PROCESS, THREAD, VIRTUAL</td><td>1, 2, 4, 8</td><td>none</td></tr>
 * </table>
 *
 * <p>The profiles pass shorter tasks to some of these in {@code quick} and {@code smoke} ({@code
 * -p sleepMillis=25}, for instance); the params in {@code jmh.json} say what ran, and every ideal
 * is computed from them.
 *
 * <h2>Baselines</h2>
 *
 * Every class has a {@code map} method, the pooled run with params {@code pool} and {@code
 * poolSize}, and beside it a baseline method of the same class without those two params: {@code
 * sequential}, the same batch on the calling thread. A chart finds the baseline of {@code
 * X.map} as {@code X.sequential} with the same other params ({@code tasks}, {@code sleepMillis}).
 * The one exception is {@code ManyBenchmark}, whose sequential run would take 500 s a shot: its
 * baseline is {@code oneTask} (a single 50 ms wait, the floor), and it adds {@code unbounded}, a
 * virtual thread per task with no cap. The classes that compare other APIs ({@code JdkMapBenchmark},
 * {@code CommonPoolBenchmark}) name each variant by its method and keep {@code sequential}.
 *
 * <p>Pools open in {@code @Setup(Level.Trial)} ({@link io.github.poolbench.bench.PoolState}), so
 * scores are warm use; start-up is measured apart by {@code PoolStartupBenchmark}.
 *
 * <h2>Results</h2>
 *
 * {@code <results>/<machine-id>/<run-id>/}, the run id being the UTC start minute and the profile
 * ({@code 2026-11-25T2310Z-quick}, with {@code -2} appended if taken), holds:
 *
 * <ul>
 *   <li>{@code jmh.json}: JMH's JSON, the entries of every step of the plan in order;
 *   <li>{@code machine.json}: {@link io.github.poolbench.format.MachineDescription};
 *   <li>{@code run.json}: {@link io.github.poolbench.format.RunRecord}: profile, status, wall time,
 *       1-minute load before and after (busy when the load before exceeded 0.5), largest relative
 *       error, the error distribution per class, the sleep/fetch/primes results above the profile's
 *       target, fork flags and the plan as run;
 *   <li>{@code jmh.log}: JMH's own output, which the terminal shows only with {@code --verbose}.
 * </ul>
 */
package io.github.poolbench.bench;
