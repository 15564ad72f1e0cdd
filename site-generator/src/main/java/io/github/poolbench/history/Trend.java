package io.github.poolbench.history;

import io.github.poolbench.results.Ratio;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trend page's model: for each machine, every series followed across its recent runs, each
 * step judged against the step before.
 */
public record Trend(List<Machine> machines) {

    /** How many of a machine's newest runs the page charts; older ones stay in history unread. */
    public static final int WINDOW = 30;

    /** Charts per machine at most; the table still lists every series. */
    public static final int MAX_CHARTS = 12;

    public Trend {
        machines = List.copyOf(machines);
    }

    /**
     * One machine's trends.
     *
     * @param series  every series present in at least two runs: regressions first, then
     *                improvements, then the rest, each group in series order
     * @param charted the first {@link #MAX_CHARTS} of {@code series}, so a cap never hides a flagged change
     */
    public record Machine(
            String machine, int recorded, List<RunSummary> runs, List<Series> series, List<Series> charted) {

        public Machine {
            runs = List.copyOf(runs);
            series = List.copyOf(series);
            charted = List.copyOf(charted);
        }
    }

    /** One benchmark at one set of params across runs. */
    public record Series(SeriesKey key, List<Point> points) {

        public Series {
            points = List.copyOf(points);
        }

        /** The change into the newest run that has this series. */
        public Change latest() {
            return points.getLast().change().orElseThrow();
        }
    }

    /**
     * A series' score in one run.
     *
     * @param run    the index of the run in {@link Machine#runs()}
     * @param change against the series' previous point; empty for its first point
     */
    public record Point(int run, Score score, Optional<Change> change) {}

    public static Trend of(List<MachineHistory> history) {
        return new Trend(history.stream().map(Trend::machine).toList());
    }

    private static Machine machine(MachineHistory history) {
        Map<SeriesKey, List<Point>> bySeries = new TreeMap<>();
        List<RunSummary> runs = history.runs();
        for (int run = 0; run < runs.size(); run++) {
            for (Score score : runs.get(run).scores()) {
                List<Point> points = bySeries.computeIfAbsent(score.key(), key -> new ArrayList<>());
                // A series missing from a run is compared with the last run that had it.
                Optional<Change> change = points.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Change.between(points.getLast().score(), score));
                points.add(new Point(run, score, change));
            }
        }
        List<Series> series = bySeries.entrySet().stream()
                .filter(entry -> entry.getValue().size() >= 2)
                .map(entry -> new Series(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt((Series s) -> urgency(s.latest().verdict()))
                        .thenComparing(Series::key))
                .toList();
        return new Machine(
                history.machine(),
                history.recorded(),
                runs,
                series,
                series.subList(0, Math.min(MAX_CHARTS, series.size())));
    }

    /** Regressions first, then improvements, then the rest. */
    private static int urgency(Ratio.Verdict verdict) {
        return switch (verdict) {
            case SLOWER -> 0;
            case FASTER -> 1;
            default -> 2;
        };
    }
}
