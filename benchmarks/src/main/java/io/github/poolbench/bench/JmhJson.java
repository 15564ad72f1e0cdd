package io.github.poolbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.poolbench.format.BenchmarkNames;
import io.github.poolbench.format.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads, merges and summarises JMH's JSON results (an array of benchmark entries). */
final class JmhJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JmhJson() {}

    /**
     * The entries of every part, in order, as one array: a step writes one part. A missing or empty
     * part (JMH creates the file before a step that then fails) adds nothing.
     */
    static ArrayNode merge(List<Path> parts) {
        ArrayNode all = JSON.createArrayNode();
        for (Path part : parts) {
            if (isNonEmptyFile(part)) {
                all.addAll(read(part));
            }
        }
        return all;
    }

    private static boolean isNonEmptyFile(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    static ArrayNode read(Path file) {
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            if (!(tree instanceof ArrayNode array)) {
                throw new IllegalStateException(file + " is not a JMH result array");
            }
            return array;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    static void write(ArrayNode entries, Path file) {
        try {
            JSON.writeValue(file.toFile(), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** 100 x scoreError / score of each entry with a finite error (one sample gives none). */
    static List<RunRecord.RelativeError> relativeErrors(ArrayNode entries) {
        List<RunRecord.RelativeError> errors = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode metric = entry.path("primaryMetric");
            double score = metric.path("score").asDouble(Double.NaN);
            double error = metric.path("scoreError").asDouble(Double.NaN);
            if (Double.isFinite(score) && Double.isFinite(error) && score != 0) {
                TreeMap<String, String> params = new TreeMap<>();
                entry.path("params")
                        .properties()
                        .forEach(p -> params.put(p.getKey(), p.getValue().asText()));
                errors.add(new RunRecord.RelativeError(
                        BenchmarkNames.shortName(entry.path("benchmark").asText()),
                        params,
                        Math.round(1000 * Math.abs(error / score)) / 10.0));
            }
        }
        return errors;
    }

    /** The class part of a relative error's benchmark: {@code SleepBenchmark} of {@code SleepBenchmark.map}. */
    static String workload(RunRecord.RelativeError error) {
        return error.benchmark().substring(0, error.benchmark().indexOf('.'));
    }

    /** Per benchmark class, in order of first appearance: count, median, worst, and how many within {@code target}. */
    static List<RunRecord.WorkloadErrors> summarise(List<RunRecord.RelativeError> errors, double target) {
        Map<String, List<Double>> byWorkload = new LinkedHashMap<>();
        for (RunRecord.RelativeError error : errors) {
            byWorkload.computeIfAbsent(workload(error), w -> new ArrayList<>()).add(error.percent());
        }
        List<RunRecord.WorkloadErrors> summary = new ArrayList<>();
        byWorkload.forEach((workload, percents) -> {
            List<Double> sorted = percents.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            int within = (int) sorted.stream().filter(p -> p <= target).count();
            summary.add(new RunRecord.WorkloadErrors(
                    workload, n, Math.round(10 * median) / 10.0, sorted.getLast(), within));
        });
        return summary;
    }

    static Optional<RunRecord.RelativeError> largest(List<RunRecord.RelativeError> errors) {
        return errors.stream().max(Comparator.comparingDouble(RunRecord.RelativeError::percent));
    }
}
