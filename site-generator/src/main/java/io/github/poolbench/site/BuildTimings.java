package io.github.poolbench.site;

import java.util.Locale;

/**
 * Where a build's time went, for {@code build --timings}. Lessons are parsed while the results
 * load, so {@code load} is only the wait for the results after the lessons were parsed; charts
 * draw while pages render, so {@code charts} is only the wait for them after the pages were done.
 *
 * @param drawn  PNGs drawn in this build (light and dark count separately)
 * @param cached PNGs copied from the chart cache instead
 */
public record BuildTimings(
        long loadNanos,
        long parseNanos,
        long renderNanos,
        long chartsNanos,
        long publishNanos,
        long totalNanos,
        int drawn,
        int cached) {

    public static final BuildTimings NONE = new BuildTimings(0, 0, 0, 0, 0, 0, 0, 0);

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "timings: load %d ms, parse %d ms, render %d ms, charts %d ms (%d drawn, %d cached),"
                        + " publish %d ms, total %d ms",
                ms(loadNanos),
                ms(parseNanos),
                ms(renderNanos),
                ms(chartsNanos),
                drawn,
                cached,
                ms(publishNanos),
                ms(totalNanos));
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
