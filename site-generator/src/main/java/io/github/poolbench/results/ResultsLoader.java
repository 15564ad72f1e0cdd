package io.github.poolbench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads every JMH JSON file under a results root laid out as {@code <machine-id>/<run>/…/*.json}.
 * A {@code machine.json} beside a JMH file describes its machine. Files from other projects are
 * welcome: anything that is a JSON array of JMH entries loads.
 */
public final class ResultsLoader {

    /** The machine description file of a run folder. */
    public static final String MACHINE_FILE = "machine.json";

    /** Side files of a run that are not JMH results. */
    private static final List<String> SIDE_FILES = List.of(MACHINE_FILE, "run.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsLoader() {}

    /** Loads every run under {@code root}; a missing root means no results yet. */
    public static ResultSet load(Path root) {
        if (!Files.isDirectory(root)) {
            return ResultSet.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".json"))
                    .filter(path -> !SIDE_FILES.contains(path.getFileName().toString()))
                    .filter(path -> root.relativize(path).getNameCount() >= 2)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InputException(Location.of(root), "cannot list results: " + e.getMessage(), e);
        }
        List<ResultRun> runs = new ArrayList<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            String machineId = relative.getName(0).toString();
            runs.add(new ResultRun(machineId, runId(relative), file, machineOf(file), readJmh(file)));
        }
        return new ResultSet(runs);
    }

    /** The run's path below its machine folder; a file lying in the machine folder is its own run. */
    private static String runId(Path relative) {
        if (relative.getNameCount() == 2) {
            String name = relative.getFileName().toString();
            return name.substring(0, name.length() - ".json".length());
        }
        return relative.subpath(1, relative.getNameCount() - 1).toString().replace('\\', '/');
    }

    private static Map<String, Object> machineOf(Path jmhFile) {
        Path machine = jmhFile.resolveSibling(MACHINE_FILE);
        if (!Files.isRegularFile(machine)) {
            return Map.of();
        }
        try {
            Map<String, Object> values = JSON.readValue(machine.toFile(), new TypeReference<LinkedHashMap<String, Object>>() {});
            values.values().removeIf(java.util.Objects::isNull);
            return values;
        } catch (JsonProcessingException e) {
            throw malformed(machine, e);
        } catch (IOException e) {
            throw new InputException(Location.of(machine), "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads one JMH file entry by entry, remembering where each starts for later messages. */
    public static List<BenchmarkResult> readJmh(Path file) {
        List<BenchmarkResult> results = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InputException(at(file, parser.currentTokenLocation()),
                        "not JMH results: expected a JSON array of benchmark entries");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                Location where = at(file, parser.currentTokenLocation());
                JsonNode entry = JSON.readTree(parser);
                results.add(toResult(entry, where));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw new InputException(at(file, parser.currentTokenLocation()),
                        "not JMH results: expected a benchmark entry (a JSON object)");
            }
            if (parser.nextToken() != null) {
                throw new InputException(at(file, parser.currentTokenLocation()), "unexpected content after the results array");
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot read: " + e.getMessage(), e);
        }
        return results;
    }

    private static InputException malformed(Path file, JsonProcessingException e) {
        return new InputException(at(file, e.getLocation()), "malformed JSON: " + e.getOriginalMessage(), e);
    }

    private static Location at(Path file, JsonLocation location) {
        if (location == null) {
            return Location.of(file);
        }
        return new Location(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    private static BenchmarkResult toResult(JsonNode entry, Location where) {
        String benchmark = required(entry, "benchmark", where).asText();
        String mode = required(entry, "mode", where).asText();
        JsonNode primary = required(entry, "primaryMetric", where);
        TreeMap<String, String> params = new TreeMap<>();
        entry.path("params").properties().forEach(param -> params.put(param.getKey(), param.getValue().asText()));
        Map<String, Metric> secondary = new LinkedHashMap<>();
        entry.path("secondaryMetrics").properties()
                .forEach(metric -> secondary.put(metric.getKey(), toMetric(metric.getValue(), where)));
        List<String> jvmArgs = new ArrayList<>();
        entry.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asText()));
        return new BenchmarkResult(benchmark, mode, entry.path("threads").asInt(1), entry.path("forks").asInt(0),
                entry.path("warmupIterations").asInt(0), entry.path("measurementIterations").asInt(0),
                entry.path("jmhVersion").asText(""), entry.path("jdkVersion").asText(""),
                entry.path("vmName").asText(""), jvmArgs, params, toMetric(primary, where), secondary, where);
    }

    private static Metric toMetric(JsonNode metric, Location where) {
        double score = number(required(metric, "score", where));
        double error = number(metric.path("scoreError"));
        JsonNode confidence = metric.path("scoreConfidence");
        double lower = confidence.size() == 2 ? number(confidence.get(0)) : score - error;
        double upper = confidence.size() == 2 ? number(confidence.get(1)) : score + error;
        List<List<Double>> raw = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            List<Double> iterations = new ArrayList<>();
            fork.forEach(value -> iterations.add(number(value)));
            raw.add(iterations);
        }
        if (raw.isEmpty()) {
            raw = histogramSamples(metric.path("rawDataHistogram"));
        }
        return new Metric(score, error, lower, upper, metric.path("scoreUnit").asText(""), raw);
    }

    /**
     * Sample mode may store a histogram instead of raw data: per fork, per iteration, a list of
     * {@code [value, count]}. We keep one number per iteration (its mean), which is what the
     * sample count and per-iteration spread need.
     */
    private static List<List<Double>> histogramSamples(JsonNode histogram) {
        List<List<Double>> forks = new ArrayList<>();
        for (JsonNode fork : histogram) {
            List<Double> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double sum = 0;
                double count = 0;
                for (JsonNode bucket : iteration) {
                    sum += number(bucket.path(0)) * number(bucket.path(1));
                    count += number(bucket.path(1));
                }
                iterations.add(count == 0 ? Double.NaN : sum / count);
            }
            forks.add(iterations);
        }
        return forks;
    }

    /** JMH writes numbers, but {@code "NaN"} (and sometimes numbers) as strings. */
    private static double number(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Double.NaN;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText().strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static JsonNode required(JsonNode node, String field, Location where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InputException(where, "not a JMH entry: missing \"" + field + "\"");
        }
        return value;
    }

}
