package io.github.poolbench.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Quality;
import io.github.poolbench.results.ResultRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run is fit to publish, from the {@code run.json} the suite writes beside its JMH file:
 * a {@code quick} or {@code smoke} profile is a first look, and so is a run on a busy machine. A
 * run without that record (another project's file, a contribution) is judged by its data alone.
 *
 * @param reasons why the run is not of publication grade, in words; empty when it is
 */
record RunGrade(ResultRun run, List<String> reasons) {

    private static final ObjectMapper JSON = new ObjectMapper();

    RunGrade {
        reasons = List.copyOf(reasons);
    }

    boolean publicationGrade() {
        return reasons.isEmpty();
    }

    /** For each run that is not of publication grade, a phrase naming it and why, e.g. {@code lab/run, a quick run (…)}. */
    static List<String> weak(java.util.Collection<ResultRun> runs) {
        return runs.stream()
                .map(RunGrade::of)
                .filter(grade -> !grade.publicationGrade())
                .map(grade -> ResultWeaver.source(grade.run()) + ", " + String.join(", ", grade.reasons()))
                .toList();
    }

    static RunGrade of(ResultRun run) {
        List<String> reasons = new ArrayList<>();
        JsonNode record = read(run.jmhFile().resolveSibling(io.github.poolbench.layout.ResultsLayout.RUN_FILE));
        String profile = record.path("profile").asText("").toLowerCase(Locale.ROOT);
        if (!profile.isEmpty() && !profile.equals("full")) {
            reasons.add("a " + profile + " run (" + Quality.shape(run.results()) + ")");
        } else if (profile.isEmpty() && weak(run.results())) {
            reasons.add("a run of " + Quality.shape(run.results()));
        }
        JsonNode load = record.path("load");
        if (load.path("busy").asBoolean(false)) {
            reasons.add("made while the machine was busy" + loadText(load));
        }
        return new RunGrade(run, reasons);
    }

    /** Too few samples or a single fork somewhere: what a full profile never publishes. */
    private static boolean weak(List<BenchmarkResult> results) {
        return results.stream().anyMatch(r -> r.forks() < 2 || r.samples() < Quality.FEW_SAMPLES);
    }

    private static String loadText(JsonNode load) {
        JsonNode before = load.path("before");
        JsonNode after = load.path("after");
        JsonNode cores = load.path("logicalCores");
        List<String> parts = new ArrayList<>();
        if (before.isNumber()) {
            parts.add(before.asDouble() + " before");
        }
        if (after.isNumber()) {
            parts.add(after.asDouble() + " after");
        }
        if (parts.isEmpty()) {
            return "";
        }
        return " (1-minute load " + String.join(", ", parts)
                + (cores.isNumber() ? " on " + cores.asInt() + " cores" : "") + ")";
    }

    /** The run record, or an empty node when there is none or it cannot be read (it only adds detail). */
    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
