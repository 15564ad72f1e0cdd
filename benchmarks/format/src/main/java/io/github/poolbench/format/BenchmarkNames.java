package io.github.poolbench.format;

/** How a JMH benchmark's full name is cited: the one rule, for the suite's summaries and the site's pages. */
public final class BenchmarkNames {

    private BenchmarkNames() {}

    /**
     * {@code Class.method}, the last two parts of a full name: {@code SleepBenchmark.map} of {@code
     * io.github.poolbench.bench.SleepBenchmark.map}. A name with no package, or a bare method, is kept whole.
     */
    public static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1); // -1 when there is no class part
        return benchmark.substring(type + 1);
    }
}
