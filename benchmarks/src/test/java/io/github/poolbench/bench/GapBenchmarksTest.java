package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.pool.PoolKind;
import io.github.poolbench.workload.Primes;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks added for the lessons' gaps, called as JMH would call them (set-up, method,
 * tear-down) but once: every variant of a question must compute the same answer as its baseline.
 */
class GapBenchmarksTest {

    @Test
    void everyJdkVariantCountsThePrimesTheSequentialLoopCounts() throws Exception {
        JdkMapBenchmark benchmark = new JdkMapBenchmark();
        benchmark.tasks = 3;
        benchmark.bound = Primes.BOUND;
        benchmark.makeInputs();
        JdkMapBenchmark.Fixed fixed = new JdkMapBenchmark.Fixed();
        fixed.open();
        try {
            List<Integer> expected = Collections.nCopies(3, Primes.PRIMES_BELOW_BOUND);
            assertEquals(expected, benchmark.sequential());
            assertEquals(expected, benchmark.map(fixed));
            assertEquals(expected, benchmark.parallelStream());
            assertEquals(expected, benchmark.invokeAll(fixed));
        } finally {
            fixed.close();
        }
    }

    @ParameterizedTest(name = "{0} pool, chunks of {1}")
    @CsvSource({"THREAD, 1", "THREAD, 7", "THREAD, 256", "PROCESS, 1", "PROCESS, 256"})
    void chunkedMapGivesTheSequentialSquaresInOrder(PoolKind kind, int chunkSize) {
        ChunkSizeBenchmark benchmark = new ChunkSizeBenchmark();
        benchmark.tasks = 100;
        benchmark.makeInputs();
        ChunkSizeBenchmark.ChunkPools pools = new ChunkSizeBenchmark.ChunkPools();
        pools.pool = kind;
        pools.poolSize = 4;
        pools.chunkSize = chunkSize;
        pools.openPool();
        try {
            assertEquals(benchmark.sequential(), benchmark.map(pools));
        } finally {
            pools.closePool();
        }
    }

    @Test
    void everyExecutorRunsEveryNap() throws Exception {
        CommonPoolBenchmark benchmark = new CommonPoolBenchmark();
        benchmark.tasks = 3;
        benchmark.sleepMillis = 5;
        benchmark.open();
        try {
            assertEquals(3, benchmark.sequential().size());
            assertEquals(3, benchmark.commonPool().size());
            assertEquals(3, benchmark.defaultAsync().size());
            assertEquals(3, benchmark.dedicated().size());
        } finally {
            benchmark.close();
        }
    }
}
