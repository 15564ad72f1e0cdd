package io.github.poolbench.format;

import java.util.Map;

/**
 * One result a profile's plan will write, known before it runs: what a lesson's reference is
 * checked against without measuring anything.
 *
 * @param benchmark the full name, e.g. {@code io.github.poolbench.bench.SleepBenchmark.map}
 * @param mode JMH's short mode label, e.g. {@code ss}
 * @param params the param values, overridden or annotated
 */
public record Planned(String benchmark, String mode, Map<String, String> params) {
    public Planned {
        params = Map.copyOf(params);
    }

    /** Whether this is {@code name}: the full name, or its end after a dot ({@code SleepBenchmark.map}). */
    public boolean is(String name) {
        return benchmark.equals(name) || benchmark.endsWith("." + name);
    }
}
