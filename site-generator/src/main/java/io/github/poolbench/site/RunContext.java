package io.github.poolbench.site;

import io.github.poolbench.format.Profile;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.results.ResultRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run's {@link RunRecord} says about how it was measured, as pages show it: the profile, the
 * load around it, its wall time, its errors and the command that measures the same again. Every
 * field is optional, since runs from other machines, older suites or other projects may have no
 * {@code run.json} or only part of one; an empty string (or list) means "not recorded".
 *
 * @param profile       {@code smoke}, {@code quick} or {@code full}
 * @param status        {@code complete}, or {@code failed} with {@code failure} saying why
 * @param measured      when it ran, e.g. {@code 2026-12-01 09:53–10:20 UTC}
 * @param wallTime      e.g. {@code 27 min 15 s}
 * @param load          the 1-minute load before and after, e.g. {@code 0.38 before, 1.57 after}
 * @param busy          why the machine counted as busy before the run, or empty when it did not
 * @param largestError  the widest relative error and its benchmark
 * @param target        the profile's error target, e.g. {@code 5 %}
 * @param errors        the per-class error summary
 * @param warnings      what the run itself warned about
 * @param command       the command that measures the same again, e.g. {@code ./poolbench report --profile full}
 */
public record RunContext(
        String profile,
        String status,
        String failure,
        String measured,
        String wallTime,
        String load,
        String busy,
        String largestError,
        String target,
        List<ClassErrors> errors,
        List<String> warnings,
        String command) {

    /** One benchmark class's errors: {@code errorSummary} in {@code run.json}. */
    public record ClassErrors(String workload, String results, String median, String worst, String withinTarget) {}

    static final RunContext NONE = new RunContext("", "", "", "", "", "", "", "", "", List.of(), List.of(), "");

    public RunContext {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether there is anything to show. */
    public boolean known() {
        return !equals(NONE);
    }

    /** The context of {@code run}, from the run record the loader read; {@link #NONE} without one. */
    static RunContext of(ResultRun run) {
        return run.record().map(RunContext::of).orElse(NONE);
    }

    static RunContext of(RunRecord record) {
        String profile = text(record.profile());
        List<ClassErrors> errors = listed(record.errorSummary()).stream()
                .map(workload -> new ClassErrors(
                        text(workload.workload()),
                        count(workload.results()),
                        percent(workload.medianPercent()),
                        percent(workload.worstPercent()),
                        count(workload.withinTarget())))
                .toList();
        List<String> warnings = listed(record.warnings()).stream()
                .filter(w -> w != null && !w.isBlank())
                .toList();
        return new RunContext(
                profile,
                text(record.status()),
                text(record.failure()),
                span(text(record.startedAt()), text(record.finishedAt())),
                duration(record.wallSeconds()),
                load(record.load()),
                busy(record.load()),
                largest(record.largestRelativeError()),
                percent(record.targetErrorPercent()),
                errors,
                warnings,
                Profile.commandFor(profile));
    }

    private static <T> List<T> listed(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static String count(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** {@code 4.2 %}: two significant digits, as errors are quoted elsewhere on the site. */
    static String percent(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        return (value == 0 ? "0" : Quantities.significant(value, value >= 100 ? 3 : 2)) + " %";
    }

    /** {@code 2026-12-01 09:53–10:20 UTC}, or just the start when the end is missing or unreadable. */
    static String span(String started, String finished) {
        String from = minute(started);
        if (from.isEmpty()) {
            return "";
        }
        String to = minute(finished);
        if (to.isEmpty()) {
            return from + " UTC";
        }
        return from + "–" + (to.substring(0, 10).equals(from.substring(0, 10)) ? to.substring(11) : to) + " UTC";
    }

    /** {@code 2026-12-01T09:53:27Z} as {@code 2026-12-01 09:53}; empty unless it is such an instant. */
    private static String minute(String instant) {
        if (!instant.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*Z")) {
            return "";
        }
        return instant.substring(0, 10) + " " + instant.substring(11, 16);
    }

    /** {@code 27 min 15 s}, {@code 1 h 2 min}, {@code 25 s}. */
    static String duration(Double seconds) {
        if (seconds == null || !(seconds >= 0) || Double.isInfinite(seconds)) {
            return "";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long minutes = Math.round(s / 60.0);
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /**
     * The load around a run, the one way pages print it: {@code 0.38 before, 1.57 after (2 logical
     * cores)}; empty when the record has no reading.
     */
    static String load(RunRecord.Load load) {
        if (load == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (load.before() != null) {
            parts.add(number(load.before()) + " before");
        }
        if (load.after() != null) {
            parts.add(number(load.after()) + " after");
        }
        if (parts.isEmpty()) {
            return "";
        }
        String cores = load.logicalCores() != null && load.logicalCores() > 0
                ? " (" + load.logicalCores() + " logical cores)"
                : "";
        return String.join(", ", parts) + cores;
    }

    private static String busy(RunRecord.Load load) {
        if (load == null || !load.wasBusy()) {
            return "";
        }
        return load.busyAbove() != null
                ? "the load before the run was above " + number(load.busyAbove()) + ", so other work shared the machine"
                : "other work shared the machine";
    }

    private static String largest(RunRecord.RelativeError largest) {
        String percent = largest == null ? "" : percent(largest.percent());
        if (percent.isEmpty()) {
            return "";
        }
        String benchmark = text(largest.benchmark());
        Map<String, String> params = new TreeMap<>();
        if (largest.params() != null) {
            largest.params().forEach((name, value) -> params.put(name, Objects.toString(value)));
        }
        return "± " + percent + (benchmark.isEmpty() ? "" : ", " + benchmark)
                + (params.isEmpty() ? "" : " (" + Tables.params(params) + ")");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
