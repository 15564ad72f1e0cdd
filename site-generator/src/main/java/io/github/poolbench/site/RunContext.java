package io.github.poolbench.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.layout.ResultsLayout;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.results.ResultRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run's {@code run.json} says about how it was measured, as pages show it: the profile, the
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
 * @param problem       why {@code run.json} could not be read, when it could not
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
        String command,
        String problem) {

    /** One benchmark class's errors: {@code errorSummary} in {@code run.json}. */
    public record ClassErrors(String workload, String results, String median, String worst, String withinTarget) {}

    static final RunContext NONE = unreadable("");

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunContext {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether there is anything to show. */
    public boolean known() {
        return !equals(NONE);
    }

    /** The context of {@code run}, from the {@code run.json} beside its JMH file; {@link #NONE} without one. */
    static RunContext of(ResultRun run) {
        Path file = run.jmhFile().resolveSibling(ResultsLayout.RUN_FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            // the numbers do not depend on it: say so on the page and go on
            return unreadable(ResultsLayout.RUN_FILE + " could not be read (" + firstLine(e.getMessage()) + ")");
        }
        if (root == null || !root.isObject()) {
            return unreadable(ResultsLayout.RUN_FILE + " is not a JSON object");
        }
        String profile = text(root, "profile");
        JsonNode load = root.path("load");
        JsonNode largest = root.path("largestRelativeError");
        List<ClassErrors> errors = new ArrayList<>();
        for (JsonNode workload : root.path("errorSummary")) {
            errors.add(new ClassErrors(
                    text(workload, "workload"),
                    count(workload.path("results")),
                    percent(workload.path("medianPercent")),
                    percent(workload.path("worstPercent")),
                    count(workload.path("withinTarget"))));
        }
        List<String> warnings = new ArrayList<>();
        root.path("warnings").forEach(w -> {
            if (w.isTextual() && !w.asText().isBlank()) {
                warnings.add(w.asText());
            }
        });
        return new RunContext(
                profile,
                text(root, "status"),
                text(root, "failure"),
                span(text(root, "startedAt"), text(root, "finishedAt")),
                duration(root.path("wallSeconds")),
                load(load),
                busy(load),
                largest(largest),
                percent(root.path("targetErrorPercent")),
                errors,
                warnings,
                profile.matches("[a-z]+") ? "./poolbench report --profile " + profile : "",
                "");
    }

    /** Nothing known, and why; {@code problem} is empty when there simply is no file. */
    private static RunContext unreadable(String problem) {
        return new RunContext("", "", "", "", "", "", "", "", "", List.of(), List.of(), "", problem);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }

    private static String count(JsonNode node) {
        return node.isIntegralNumber() ? String.valueOf(node.asLong()) : "";
    }

    /** {@code 4.2 %}: two significant digits, as errors are quoted elsewhere on the site. */
    static String percent(JsonNode node) {
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            return "";
        }
        double value = node.asDouble();
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
    static String duration(JsonNode seconds) {
        if (!seconds.isNumber() || !(seconds.asDouble() >= 0) || Double.isInfinite(seconds.asDouble())) {
            return "";
        }
        long s = Math.round(seconds.asDouble());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
        }
        long minutes = Math.round(s / 60.0);
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    private static String load(JsonNode load) {
        List<String> parts = new ArrayList<>();
        if (load.path("before").isNumber()) {
            parts.add(number(load.path("before").asDouble()) + " before");
        }
        if (load.path("after").isNumber()) {
            parts.add(number(load.path("after").asDouble()) + " after");
        }
        if (parts.isEmpty()) {
            return "";
        }
        String cores = load.path("logicalCores").isIntegralNumber()
                        && load.path("logicalCores").asInt() > 0
                ? " (" + load.path("logicalCores").asInt() + " logical cores)"
                : "";
        return String.join(", ", parts) + cores;
    }

    private static String busy(JsonNode load) {
        if (!load.path("busy").asBoolean(false)) {
            return "";
        }
        return load.path("busyAbove").isNumber()
                ? "the load before the run was above "
                        + number(load.path("busyAbove").asDouble()) + ", so other work shared the machine"
                : "other work shared the machine";
    }

    private static String largest(JsonNode largest) {
        String percent = percent(largest.path("percent"));
        if (percent.isEmpty()) {
            return "";
        }
        String benchmark = text(largest, "benchmark");
        Map<String, String> params = new TreeMap<>();
        largest.path("params")
                .properties()
                .forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        return "± " + percent + (benchmark.isEmpty() ? "" : ", " + benchmark)
                + (params.isEmpty() ? "" : " (" + Tables.params(params) + ")");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
