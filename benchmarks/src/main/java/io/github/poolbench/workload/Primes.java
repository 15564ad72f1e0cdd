package io.github.poolbench.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * CPU-bound work: count the primes below a bound by trial division.
 *
 * <p>Trial division is deliberately naive: the point is a task that keeps one core busy for a
 * predictable time, not a fast prime counter.
 */
public final class Primes {

    /**
     * The bound each benchmark task counts below. Calibrated on the reference machine (2-core AMD
     * EPYC VM, JDK 25, C2-compiled): {@code countBelow(900_000)} takes about 50 ms and finds
     * {@value #PRIMES_BELOW_BOUND} primes. The same VM type on a first-generation EPYC host (cpu
     * family 23, model 1), whose integer division is slower, took about 300 ms.
     */
    public static final int BOUND = 900_000;

    /** pi(900,000), the known answer for {@link #BOUND}; benchmarks check it to catch broken work. */
    public static final int PRIMES_BELOW_BOUND = 71_274;

    /** How many tasks the benchmark maps: 8 tasks of about 50 ms, 400 ms of work in all. */
    public static final int TASKS = 8;

    private Primes() {}

    /** The number of primes {@code p} with {@code p < bound}. */
    public static Integer countBelow(Integer bound) {
        int count = 0;
        for (int n = 2; n < bound; n++) {
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    /** Trial division by 2 and the odd numbers up to the square root. */
    public static boolean isPrime(int n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (int d = 3; (long) d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }

    /** Every bound counted in turn on the calling thread: the benchmarks' sequential baseline. */
    public static List<Integer> countAll(List<Integer> bounds) {
        List<Integer> counts = new ArrayList<>(bounds.size());
        for (Integer bound : bounds) {
            counts.add(countBelow(bound));
        }
        return counts;
    }

    /** {@code tasks} copies of {@code bound}: every task does the same amount of work. */
    public static List<Integer> inputs(int tasks, int bound) {
        return Collections.nCopies(tasks, bound);
    }
}
