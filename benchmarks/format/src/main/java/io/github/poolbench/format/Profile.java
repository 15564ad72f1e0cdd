package io.github.poolbench.format;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How much measuring a run does, smallest first. The names are what {@code --profile} accepts and
 * what {@code run.json} records; the suite's plan for each (its steps and sizing) lives with the
 * benchmarks, and {@link #planned()} lists what it writes.
 */
public enum Profile {
    /** Under 30 s: proves the pipeline and gives the site a sleep sweep. Used by tests and CI. */
    SMOKE,
    /** The default, at most 5 minutes: every workload, one fork, 10 samples or more. */
    QUICK,
    /** Publication quality, at most 45 minutes: at least 2 forks and 10 to 24 samples everywhere. */
    FULL;

    /** The command that measures a profile, all but its name. */
    private static final String REPORT = "./poolbench report --profile ";

    private static final Map<Profile, List<Planned>> PLANNED = new ConcurrentHashMap<>();

    /** The name as typed on the command line, e.g. {@code quick}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The relative error, 99.9 % half-width over score in percent, this profile aims to keep sleep,
     * fetch and primes points within: 10 for smoke and quick, 5 for full.
     */
    public double targetErrorPercent() {
        return this == FULL ? 5.0 : 10.0;
    }

    /** The command that measures this profile on the reader's machine: {@code ./poolbench report --profile full}. */
    public String command() {
        return REPORT + id();
    }

    /**
     * The same command for a profile named in a run record, which may come from another suite; empty
     * unless the name is one plain lower-case word, since a page shows it as a command to paste.
     */
    public static String commandFor(String profile) {
        return profile.matches("[a-z]+") ? REPORT + profile : "";
    }

    /**
     * Every result this profile's plan writes, as the suite on the class path plans it.
     *
     * @throws IllegalStateException when no suite is on the class path
     */
    public List<Planned> planned() {
        return PLANNED.computeIfAbsent(
                this,
                profile -> ServiceLoader.load(PlanSource.class)
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "no benchmark suite on the class path to say what the " + id() + " profile measures"))
                        .planned(profile));
    }

    /** The smallest profile whose plan runs {@code benchmark} (a full name, or its end: {@code SleepBenchmark.map}). */
    public static Optional<Profile> smallestRunning(String benchmark) {
        for (Profile profile : values()) {
            if (profile.planned().stream().anyMatch(p -> p.is(benchmark))) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
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
