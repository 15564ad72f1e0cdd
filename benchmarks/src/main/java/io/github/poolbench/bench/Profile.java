package io.github.poolbench.bench;

import java.util.Locale;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How much measuring a run does. The names are what {@code --profile} accepts.
 */
public enum Profile {
    /** Seconds long: proves the pipeline works, numbers are rough. Used by tests and CI. */
    SMOKE(1, 1, 2),
    /** The default: a few minutes on two cores. */
    QUICK(1, 2, 5),
    /** Publication quality: more forks and iterations for tight errors. */
    FULL(2, 3, 10);

    private final int forks;
    private final int warmupIterations;
    private final int measurementIterations;

    Profile(int forks, int warmupIterations, int measurementIterations) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.measurementIterations = measurementIterations;
    }

    /** The name as typed on the command line, e.g. {@code quick}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Applies this profile's sizes to a JMH options builder. */
    ChainedOptionsBuilder apply(ChainedOptionsBuilder options) {
        return options
                .forks(forks)
                .warmupIterations(warmupIterations)
                .measurementIterations(measurementIterations)
                .warmupTime(TimeValue.milliseconds(500))
                .measurementTime(TimeValue.seconds(1));
    }

    /** Parses a profile name case-insensitively, naming the choices when it is unknown. */
    public static Profile parse(String name) {
        for (Profile profile : values()) {
            if (profile.id().equalsIgnoreCase(name.strip())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (choose smoke, quick or full)");
    }
}
