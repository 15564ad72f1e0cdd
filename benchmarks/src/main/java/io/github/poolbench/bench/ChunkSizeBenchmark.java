package io.github.poolbench.bench;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.workload.Square;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The standard fix for tiny tasks: hand them out in chunks. The square workload of {@link
 * SquareBenchmark} (1,000 multiplications) on 4 workers, with {@code map(task, inputs, chunkSize)}
 * giving each worker {@code chunkSize} consecutive inputs per trip. At 1 every square is a round
 * trip of its own; at 256 the 1,000 inputs are four trips, one per worker. Only {@code PROCESS} and
 * {@code THREAD}: a virtual-thread pool hands off like a thread pool.
 *
 * <p>The baseline is {@code sequential}, the same loop on the calling thread, as in {@code
 * SquareBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(2)
@State(Scope.Benchmark)
public class ChunkSizeBenchmark {

    @Param({"1000"})
    public int tasks;

    private List<Long> inputs;

    @Setup
    public void makeInputs() {
        inputs = Square.inputs(tasks);
    }

    /** Both kinds at 4 workers, chunks from 1 input (map's default) to a quarter of the inputs. */
    @State(Scope.Benchmark)
    public static class ChunkPools extends PoolState {
        @Param({"PROCESS", "THREAD"})
        public PoolKind pool;

        @Param({"4"})
        public int poolSize;

        @Param({"1", "4", "16", "64", "256"})
        public int chunkSize;

        @Override
        protected PoolKind kind() {
            return pool;
        }

        @Override
        protected int size() {
            return poolSize;
        }
    }

    @Benchmark
    public List<Long> map(ChunkPools pools) {
        return pools.workers().map(Square::square, inputs, pools.chunkSize);
    }

    @Benchmark
    public List<Long> sequential() {
        return Square.squareAll(inputs);
    }
}
