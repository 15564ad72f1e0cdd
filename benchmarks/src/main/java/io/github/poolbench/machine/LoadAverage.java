package io.github.poolbench.machine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** The 1-minute load average: how busy the machine was around a run (the quiet-machine guard). */
public final class LoadAverage {

    /**
     * A run is called busy when the 1-minute load before it exceeds this, whatever the core count:
     * half a core's worth of other work already shifts a benchmark that uses every core.
     */
    public static final double BUSY_ABOVE = 0.5;

    /**
     * The system property the {@code poolbench} launcher sets to the 1-minute load it read before it
     * started anything: the launcher's own build check and this JVM's start-up would otherwise count
     * as "other work" (one 5-second tick of two busy threads adds about 0.15).
     */
    public static final String BEFORE_PROPERTY = "poolbench.loadBefore";

    private LoadAverage() {}

    /**
     * The load before this command started: the launcher's reading when it gave one, else
     * {@link #oneMinute()} now.
     */
    public static OptionalDouble beforeThisCommand() {
        OptionalDouble launcher = parseReading(System.getProperty(BEFORE_PROPERTY));
        return launcher.isPresent() ? launcher : oneMinute();
    }

    /** A load as the launcher passes it: a finite number at least 0, else empty. */
    static OptionalDouble parseReading(String text) {
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            double load = Double.parseDouble(text.strip());
            return Double.isFinite(load) && load >= 0 ? OptionalDouble.of(load) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /**
     * The 1-minute load average from {@code /proc/loadavg}, else the JVM's view (macOS); empty where
     * there is none (Windows).
     */
    public static OptionalDouble oneMinute() {
        Path proc = Path.of("/proc/loadavg");
        if (Files.isReadable(proc)) {
            try {
                return parseProcLoadavg(Files.readString(proc));
            } catch (IOException | RuntimeException e) {
                // fall through to the MXBean
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? OptionalDouble.empty() : OptionalDouble.of(load);
    }

    /** The first field of {@code /proc/loadavg}, e.g. {@code "0.11 0.08 0.02 2/82 3836"}. */
    static OptionalDouble parseProcLoadavg(String text) {
        String[] fields = text.strip().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(fields[0]));
    }

    /** True when {@code load} exceeds {@link #BUSY_ABOVE}. */
    public static boolean isBusy(double load) {
        return load > BUSY_ABOVE;
    }
}
