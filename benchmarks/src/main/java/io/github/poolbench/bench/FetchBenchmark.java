package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.workload.VersionFetch;
import io.github.poolbench.workload.VersionFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lesson's version fetch: five servers, pool sizes 1 to 5. The servers are a {@link
 * VersionFleet} on 127.0.0.1, answering after 40 to 160 ms, and one after 500 ms, beyond the
 * client's 300 ms timeout, which therefore yields no version. Sequentially that is about 700 ms; a
 * pool of 5 cannot beat the 300 ms of the timed-out request, which hides the last improvements,
 * as the lesson observes. The first shots on a fresh worker JVM also pay for loading the HTTP
 * client there; warm-up shots absorb that.
 *
 * <p>{@code SingleShotTime}: one shot is one sweep over the fleet, as the lesson times it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 6)
@Fork(2)
@State(Scope.Benchmark)
public class FetchBenchmark {

    private VersionFleet fleet;
    private List<String> servers;

    @Setup(Level.Trial)
    public void startFleet() {
        fleet = VersionFleet.start();
        servers = fleet.urls();
    }

    @TearDown(Level.Trial)
    public void stopFleet() {
        fleet.close();
    }

    /** Every kind at 1 to 5 workers, as many as servers. */
    @State(Scope.Benchmark)
    public static class FetchPools extends PoolState {
        @Param({"PROCESS", "THREAD", "VIRTUAL"})
        public PoolKind pool;

        @Param({"1", "2", "3", "4", "5"})
        public int poolSize;

        @Override
        protected PoolKind kind() {
            return pool;
        }

        @Override
        protected int size() {
            return poolSize;
        }
    }

    /** The versions in server order; {@code null} for the server that timed out. */
    @Benchmark
    public List<String> map(FetchPools pools) {
        return pools.workers().map(VersionFetch::fetchVersion, servers);
    }

    @Benchmark
    public List<String> sequential() {
        List<String> versions = new ArrayList<>(servers.size());
        for (String server : servers) {
            versions.add(VersionFetch.fetchVersion(server));
        }
        return versions;
    }

    /**
     * What each server costs a worker, in the order {@code map} hands them out: its latency, cut
     * off at the client's timeout. The site works the sweep's ideal out of these (each server goes
     * to the first free worker), so the chart and the lesson's sums agree without a table of their own.
     */
    public static double[] taskMillis(Map<String, String> params) {
        long timeout = VersionFetch.REQUEST_TIMEOUT.toMillis();
        return VersionFleet.LESSON.stream()
                .mapToDouble(s -> Math.min(s.latency().toMillis(), timeout))
                .toArray();
    }
}
