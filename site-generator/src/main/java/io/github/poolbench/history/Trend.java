package io.github.poolbench.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trend page's model: for each machine, its recent runs cut into hardware segments, and every
 * series followed across them, with the steps {@link ChangePoints} finds in each series on each
 * hardware. Runs on different hardware are never compared.
 */
public record Trend(List<Machine> machines) {

    /** How many of a machine's newest runs the page charts and searches for steps; older ones stay in history unread. */
    public static final int WINDOW = 30;

    /** Charts per machine at most; the table still lists every change. */
    public static final int MAX_CHARTS = 12;

    public Trend {
        machines = List.copyOf(machines);
    }

    /**
     * One machine's trends.
     *
     * @param hardware   the hardware its runs ran on, numbered by first appearance; an unknown one
     *                   (a summary recorded before runs kept their hardware) is a hardware of its own
     * @param hardwareOf each run's index into {@code hardware}
     * @param segments   the runs cut where the hardware changed, oldest first
     * @param series     every series present in at least two runs: those with a regression first,
     *                   then improvements, pending steps and acknowledged ones, then the rest, each
     *                   group in series order
     * @param charted    the first {@link #MAX_CHARTS} of {@code series}, so a cap never hides a flagged change
     */
    public record Machine(
            String machine,
            int recorded,
            List<RunSummary> runs,
            List<Hardware> hardware,
            List<Integer> hardwareOf,
            List<Segment> segments,
            List<Series> series,
            List<Series> charted) {

        public Machine {
            runs = List.copyOf(runs);
            hardware = List.copyOf(hardware);
            hardwareOf = List.copyOf(hardwareOf);
            segments = List.copyOf(segments);
            series = List.copyOf(series);
            charted = List.copyOf(charted);
        }

        /** Every step of every series, in series order, then by run. */
        public List<Change> changes() {
            return series.stream()
                    .sorted(Comparator.comparing(Series::key))
                    .flatMap(s -> s.changes().stream())
                    .toList();
        }
    }

    /**
     * Consecutive runs on one hardware.
     *
     * @param hardware the index into {@link Machine#hardware()}
     * @param first    the index of its first run
     * @param last     the index of its last run
     */
    public record Segment(int hardware, int first, int last) {

        public int runs() {
            return last - first + 1;
        }
    }

    /** One benchmark at one set of params across runs, on whatever hardware each run had. */
    public record Series(SeriesKey key, List<Point> points, List<Change> changes) {

        public Series {
            points = List.copyOf(points);
            changes = List.copyOf(changes);
        }
    }

    /**
     * A series' score in one run.
     *
     * @param run     the index of the run in {@link Machine#runs()}
     * @param change  the step that happened at this run, if one did
     * @param pending true from a pending step on: the segment after it is not yet long enough
     */
    public record Point(int run, Score score, Optional<Change> change, boolean pending) {}

    /** Steps need {@link ChangePoints#MIN_SEGMENT} runs a side. */
    public static Trend of(List<MachineHistory> history, List<Acknowledgement> acknowledged) {
        return of(history, acknowledged, ChangePoints.MIN_SEGMENT);
    }

    public static Trend of(List<MachineHistory> history, List<Acknowledgement> acknowledged, int minSegment) {
        return new Trend(history.stream()
                .map(machine -> machine(machine, acknowledged, minSegment))
                .toList());
    }

    private static Machine machine(MachineHistory history, List<Acknowledgement> acknowledged, int minSegment) {
        List<RunSummary> runs = history.runs();
        List<Hardware> hardware = new ArrayList<>();
        List<Integer> hardwareOf = hardwareOf(runs, hardware);
        List<Segment> segments = segments(hardwareOf);

        Map<SeriesKey, List<Integer>> runsOf = new TreeMap<>();
        for (int run = 0; run < runs.size(); run++) {
            for (Score score : runs.get(run).scores()) {
                runsOf.computeIfAbsent(score.key(), key -> new ArrayList<>()).add(run);
            }
        }
        List<Series> series = new ArrayList<>();
        runsOf.forEach((key, present) -> {
            if (present.size() >= 2) {
                series.add(series(key, present, runs, hardwareOf, hardware.size(), acknowledged, minSegment));
            }
        });
        series.sort(Comparator.comparingInt(Trend::urgency).thenComparing(Series::key));
        return new Machine(
                history.machine(),
                history.recorded(),
                runs,
                hardware,
                hardwareOf,
                segments,
                series,
                series.subList(0, Math.min(MAX_CHARTS, series.size())));
    }

    /**
     * Numbers each run's hardware. A run without a signature is unknown hardware, a number of its
     * own, unless the runs on both sides of it share one signature: then it ran there too.
     */
    static List<Integer> hardwareOf(List<RunSummary> runs, List<Hardware> hardware) {
        List<Integer> numbers = new ArrayList<>();
        for (int run = 0; run < runs.size(); run++) {
            Hardware own = runs.get(run).hardware();
            if (!own.known() && run > 0 && run + 1 < runs.size()) {
                Hardware before = runs.get(run - 1).hardware();
                if (before.known() && before.equals(runs.get(run + 1).hardware())) {
                    own = before;
                }
            }
            int number = own.known() ? hardware.indexOf(own) : -1;
            if (number < 0) {
                number = hardware.size();
                hardware.add(own);
            }
            numbers.add(number);
        }
        return numbers;
    }

    static List<Segment> segments(List<Integer> hardwareOf) {
        List<Segment> segments = new ArrayList<>();
        int first = 0;
        for (int run = 1; run <= hardwareOf.size(); run++) {
            if (run == hardwareOf.size() || !hardwareOf.get(run).equals(hardwareOf.get(first))) {
                segments.add(new Segment(hardwareOf.get(first), first, run - 1));
                first = run;
            }
        }
        return segments;
    }

    /** The series' points, and its steps found on each hardware apart. */
    private static Series series(
            SeriesKey key,
            List<Integer> present,
            List<RunSummary> runs,
            List<Integer> hardwareOf,
            int hardwareCount,
            List<Acknowledgement> acknowledged,
            int minSegment) {
        Map<Integer, Change> changeAt = new TreeMap<>();
        Map<Integer, Boolean> pendingFrom = new TreeMap<>();
        for (int hardware = 0; hardware < hardwareCount; hardware++) {
            List<Integer> on = new ArrayList<>();
            for (int run : present) {
                if (hardwareOf.get(run) == hardware && Double.isFinite(score(runs.get(run), key))) {
                    on.add(run);
                }
            }
            double[] scores =
                    on.stream().mapToDouble(run -> score(runs.get(run), key)).toArray();
            if (scores.length < 2) {
                continue;
            }
            for (ChangePoints.Step step : ChangePoints.find(scores, key.higherIsBetter(), minSegment)) {
                int run = on.get(step.at());
                String commit = runs.get(run).commit();
                Optional<Acknowledgement> expected =
                        acknowledged.stream().filter(a -> a.covers(key, commit)).findFirst();
                changeAt.put(run, new Change(key, hardware, run, step, expected));
                if (step.pending()) {
                    on.subList(step.at(), on.size()).forEach(later -> pendingFrom.put(later, true));
                }
            }
        }
        List<Point> points = new ArrayList<>();
        for (int run : present) {
            Score score = runs.get(run).scores().stream()
                    .filter(s -> s.key().equals(key))
                    .findFirst()
                    .orElseThrow();
            points.add(new Point(run, score, Optional.ofNullable(changeAt.get(run)), pendingFrom.containsKey(run)));
        }
        return new Series(key, points, List.copyOf(changeAt.values()));
    }

    private static double score(RunSummary run, SeriesKey key) {
        return run.scores().stream()
                .filter(s -> s.key().equals(key))
                .mapToDouble(Score::score)
                .findFirst()
                .orElse(Double.NaN);
    }

    /** Regressions first, then improvements, pending steps, acknowledged ones, and the rest. */
    private static int urgency(Series series) {
        List<Change> changes = series.changes();
        if (changes.stream().anyMatch(Change::regression)) {
            return 0;
        }
        if (changes.stream().anyMatch(Change::improvement)) {
            return 1;
        }
        if (changes.stream().anyMatch(Change::pending)) {
            return 2;
        }
        return changes.isEmpty() ? 4 : 3;
    }
}
