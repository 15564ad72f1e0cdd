package io.github.poolbench.workload;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The lesson's "print time" example, {@code g(x)}: print the time, then sleep.
 *
 * <p>A pool of {@code n} workers running 12 such tasks prints its timestamps in waves of {@code n},
 * one wave per nap: the grocery-queue picture of the lesson. The same nap, 10,000 times over and
 * without printing, is the {@code many} workload.
 */
public final class Sleep {

    /** The lesson's 12 tasks. */
    public static final int TASKS = 12;

    /** 100 ms per task (the lesson sleeps 1 s): short enough to sweep twelve pool sizes quickly. */
    public static final Duration NAP = Duration.ofMillis(100);

    /** The {@code many} workload: 10,000 tasks ... */
    public static final int MANY_TASKS = 10_000;

    /** ... each waiting about 50 ms. */
    public static final Duration MANY_NAP = Duration.ofMillis(50);

    /**
     * Test only: a system property that makes every nap {@link #naps} builds longer by this factor,
     * e.g. {@code 1.10} for 10 % longer. It injects a real, measured regression at unchanged params
     * into a recorded history (the trend page's change-point tests and their fixtures); nothing in
     * the project sets it. Benchmarks build their naps in JMH's forked JVMs, so a run gives it to
     * every JVM it starts: {@code JDK_JAVA_OPTIONS=-Dpoolbench.test.napStretch=1.10 ./poolbench bench}.
     */
    public static final String NAP_STRETCH = "poolbench.test.napStretch";

    private Sleep() {}

    /**
     * One task's input. Everything the task does is in here, so it runs the same in any worker.
     *
     * @param index the task's number, printed with the time
     * @param length how long to sleep
     * @param echo whether to print the start time; benchmarks turn it off so that the console is not
     *     part of what they measure
     */
    public record Nap(int index, Duration length, boolean echo) implements Serializable {
        public Nap {
            if (length.isNegative()) {
                throw new IllegalArgumentException("negative nap: " + length);
            }
        }
    }

    /**
     * Prints (when asked) the time this task started, sleeps, and returns that start time.
     *
     * @throws IllegalStateException if the worker is interrupted while asleep (pools are closing);
     *     the interrupt flag is restored
     */
    public static Instant nap(Nap nap) {
        Instant started = Instant.now();
        if (nap.echo()) {
            // One println per task, like the lesson's print(time.time()): whole lines do not interleave.
            System.out.println("task " + nap.index() + " started at " + started);
        }
        try {
            Thread.sleep(nap.length());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("task " + nap.index() + " interrupted while asleep", e);
        }
        return started;
    }

    /** Every nap in turn on the calling thread, their start times in order: the sequential baseline. */
    public static List<Instant> napAll(List<Nap> naps) {
        List<Instant> starts = new ArrayList<>(naps.size());
        for (Nap each : naps) {
            starts.add(nap(each));
        }
        return starts;
    }

    /** {@code tasks} naps numbered from 0 (each stretched by {@link #NAP_STRETCH} when a test sets it). */
    public static List<Nap> naps(int tasks, Duration length, boolean echo) {
        Duration stretched = stretched(length, System.getProperty(NAP_STRETCH));
        return IntStream.range(0, tasks)
                .mapToObj(i -> new Nap(i, stretched, echo))
                .toList();
    }

    /** {@code length} times the {@link #NAP_STRETCH} factor, to the nanosecond; unchanged without one. */
    static Duration stretched(Duration length, String factor) {
        if (factor == null) {
            return length;
        }
        double times;
        try {
            times = Double.parseDouble(factor.strip());
        } catch (NumberFormatException e) {
            times = Double.NaN;
        }
        if (!(times > 0) || Double.isInfinite(times)) {
            throw new IllegalArgumentException(NAP_STRETCH + " must be a positive number, not '" + factor + "'");
        }
        return Duration.ofNanos(Math.round(length.toNanos() * times));
    }
}
