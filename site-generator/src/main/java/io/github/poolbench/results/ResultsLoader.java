package io.github.poolbench.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.files.InputTree;
import io.github.poolbench.format.MachineDescription;
import io.github.poolbench.format.ResultsJson;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.layout.ResultsLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every JMH JSON file under a results root laid out as {@link ResultsLayout} says.
 * Files are told apart by what they hold, not by their names: a JSON array is JMH results whatever
 * the file is called (so files from other projects are welcome), and every record in it must be a
 * well-typed JMH record. A JSON object is a side file: {@code machine.json} describes the machine
 * of the results beside it, {@code run.json} is the suite's run record, each read once as the
 * format's type ({@link MachineDescription}, {@link RunRecord}); any other JSON file is skipped
 * with a warning naming it.
 */
public final class ResultsLoader {

    private static final Set<String> MODES = Set.of("thrpt", "avgt", "sample", "ss");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsLoader() {}

    /** Loads every run under {@code root}, dropping warnings; a missing root means no results yet. */
    public static ResultSet load(Path root) {
        return load(root, new Diagnostics(false));
    }

    /**
     * Loads every run under {@code root}; skipped files go to {@code diagnostics} as warnings.
     *
     * @throws InputException naming every unusable results file, one line each
     */
    public static ResultSet load(Path root, Diagnostics diagnostics) {
        List<Diagnostic> errors = new ArrayList<>();
        Diagnostics walk = new Diagnostics(diagnostics.strict());
        List<InputFile> json = InputTree.walk(root, "results", walk).stream()
                .filter(file -> file.name().endsWith(".json"))
                .toList();
        walk.all().forEach(diagnostics::add);
        Map<Path, Kind> kinds = new HashMap<>();
        // Each side file is read once, as its type, and handed to every run beside it.
        Map<Path, MachineDescription> machines = new HashMap<>();
        Map<Path, RunRecord> records = new HashMap<>();
        for (InputFile file : json) {
            try {
                Classified classified = kind(file, root, diagnostics);
                kinds.put(file.path(), classified.kind());
                switch (classified.content()) {
                    case MachineDescription machine -> machines.put(file.path(), machine);
                    case RunRecord record -> records.put(file.path(), record);
                    case null, default -> {}
                }
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        List<ResultRun> runs = new ArrayList<>();
        for (InputFile file : json) {
            if (kinds.get(file.path()) != Kind.RESULTS) {
                continue;
            }
            try {
                Path machineFile = file.path().resolveSibling(ResultsLayout.MACHINE_FILE);
                Path recordFile = file.path().resolveSibling(ResultsLayout.RUN_FILE);
                Optional<MachineDescription> machine = Optional.ofNullable(machines.get(machineFile));
                Optional<RunRecord> record = Optional.ofNullable(records.get(recordFile));
                runs.add(new ResultRun(
                        ResultsLayout.machineId(file.relative()),
                        ResultsLayout.runId(file.relative()),
                        file.path(),
                        machine,
                        read(file.path(), file.real()),
                        machine.map(m -> machineFile),
                        record,
                        record.map(r -> recordFile)));
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
        return new ResultSet(runs);
    }

    private enum Kind {
        RESULTS,
        MACHINE,
        RUN_RECORD,
        SKIPPED
    }

    /** What a JSON file is, and for a side file what it says, read as its type. */
    private record Classified(Kind kind, Object content) {}

    /** What a JSON file is, from its first token; says why when it is skipped. */
    private static Classified kind(InputFile file, Path root, Diagnostics diagnostics) {
        JsonToken first;
        Object content = null;
        try (InputStream in = Files.newInputStream(file.real());
                JsonParser parser = JSON.createParser(in)) {
            first = parser.nextToken();
            Class<?> type = first != JsonToken.START_OBJECT
                    ? null
                    : switch (file.name()) {
                        case ResultsLayout.RUN_FILE -> RunRecord.class;
                        case ResultsLayout.MACHINE_FILE -> MachineDescription.class;
                        default -> null;
                    };
            if (type != null) {
                content = ResultsJson.read(parser, type);
            } else {
                // The whole file must parse before it may be called "not results": a truncated array and
                // a truncated object are the same mistake, whatever the first character says.
                parser.skipChildren();
            }
            if (first != null && parser.nextToken() != null) {
                throw new InputException(
                        at(file.path(), parser.currentTokenLocation()),
                        "malformed JSON: a second value after the first one ends");
            }
            if (content instanceof RunRecord record && record.runId() != null && record.profile() != null) {
                return new Classified(Kind.RUN_RECORD, record);
            }
        } catch (MismatchedInputException e) {
            throw wrongKind(file.path(), e);
        } catch (JsonProcessingException e) {
            throw malformed(file.path(), e);
        } catch (IOException e) {
            throw new InputException(Location.of(file.path()), "cannot read: " + InputTree.reason(e), e);
        }
        if (first == null) {
            throw new InputException(
                    Location.of(file.path()), "empty file: JMH results are a JSON array of benchmark records");
        }
        if (!ResultsLayout.inMachineFolder(file.relative())) {
            diagnostics.warn(
                    Location.of(file.path()),
                    "skipped: a JSON file directly in the results folder; " + "put results in " + root
                            + java.io.File.separator + ResultsLayout.RUN_FOLDER);
            return new Classified(Kind.SKIPPED, null);
        }
        if (first == JsonToken.START_ARRAY) {
            return new Classified(Kind.RESULTS, null);
        }
        if (content instanceof MachineDescription machine) {
            return new Classified(Kind.MACHINE, machine);
        }
        diagnostics.warn(
                Location.of(file.path(), 1),
                "skipped: not JMH results (a JSON " + (first == JsonToken.START_OBJECT ? "object" : "value")
                        + ", where results are a JSON array of benchmark records)");
        return new Classified(Kind.SKIPPED, null);
    }

    /**
     * A side file whose JSON parses but holds a value of the wrong kind where its type has a field,
     * e.g. {@code "wallSeconds": "long"} in {@code run.json}: named by its path in the file.
     */
    private static InputException wrongKind(Path file, MismatchedInputException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return new InputException(
                at(file, e.getLocation()),
                (field.isEmpty() ? "the file" : "'" + field + "'") + " must be " + expected(e.getTargetType())
                        + ", as the suite writes " + file.getFileName(),
                e);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /**
     * Reads one JMH file, checking every record, and remembering where each starts for later messages.
     *
     * @throws InputException naming every bad record, one line each
     */
    public static List<BenchmarkResult> readJmh(Path file) {
        return read(file, file);
    }

    private static List<BenchmarkResult> read(Path named, Path real) {
        JsonNode array;
        Map<String, Location> where = new HashMap<>();
        try (InputStream in = Files.newInputStream(real);
                JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InputException(
                        at(named, parser.currentTokenLocation()),
                        "not JMH results: expected a JSON array of benchmark records");
            }
            array = Located.read(parser, named, where);
            if (parser.nextToken() != null) {
                throw new InputException(
                        at(named, parser.currentTokenLocation()), "unexpected content after the results array");
            }
        } catch (JsonProcessingException e) {
            throw malformed(named, e);
        } catch (IOException e) {
            throw new InputException(Location.of(named), "cannot read: " + InputTree.reason(e), e);
        }
        if (array.isEmpty()) {
            throw new InputException(
                    where.get(""), "no benchmark records: an empty JMH results file (a run that measured nothing?)");
        }
        List<BenchmarkResult> results = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                results.add(new Record(array.get(i), "/" + i, where).result());
            } catch (InputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
        duplicates(results);
        return results;
    }

    /**
     * Two records of one file that measured the same point would both be charted, and a ratio
     * between them would pass for a speed-up. The point is everything a run can vary on purpose:
     * benchmark, mode, params, threads, forks and JVM arguments.
     */
    private static void duplicates(List<BenchmarkResult> results) {
        Map<List<Object>, BenchmarkResult> first = new HashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (BenchmarkResult result : results) {
            List<Object> point = List.of(
                    result.benchmark(),
                    result.mode(),
                    result.params(),
                    result.threads(),
                    result.forks(),
                    result.jvmArgs());
            BenchmarkResult earlier = first.putIfAbsent(point, result);
            if (earlier != null) {
                errors.add(new Diagnostic(
                        Diagnostic.Severity.ERROR,
                        result.source(),
                        "duplicate result: " + result.benchmark() + " (" + result.mode()
                                + (result.params().isEmpty() ? "" : ", " + result.params())
                                + ", threads " + result.threads() + ", forks " + result.forks()
                                + ", JVM arguments " + result.jvmArgs() + "), first at "
                                + Location.of(
                                        earlier.source().file(),
                                        earlier.source().line())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InputException(errors);
        }
    }

    private static InputException malformed(Path file, JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        int marker = reason.indexOf(" (start marker at"); // Jackson's note on where the object began names no file
        return new InputException(
                at(file, e.getLocation()), "malformed JSON: " + (marker < 0 ? reason : reason.substring(0, marker)), e);
    }

    static Location at(Path file, JsonLocation location) {
        if (location == null) {
            return Location.of(file);
        }
        return new Location(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    /**
     * One record of a JMH file, checked field by field: the required ones ({@code benchmark},
     * {@code mode}, {@code primaryMetric} with a numeric {@code score} and a {@code scoreUnit}) must
     * be there, and every field present must have the type JMH writes. A score that is a string
     * would otherwise reach the page as "NaN".
     */
    private record Record(JsonNode entry, String pointer, Map<String, Location> where) {

        BenchmarkResult result() {
            Location start = where.get(pointer);
            if (!entry.isObject()) {
                throw new InputException(start, "not a JMH record: expected a JSON object, not " + describe(entry));
            }
            String benchmark = text(entry, "benchmark", true).orElseThrow();
            if (benchmark.isBlank()) {
                throw error("benchmark", "\"benchmark\" is empty");
            }
            String mode = text(entry, "mode", true).orElseThrow();
            if (!MODES.contains(mode)) {
                throw error("mode", "\"mode\" must be thrpt, avgt, sample or ss, not \"" + mode + "\"");
            }
            JsonNode primary = required(entry, "primaryMetric");
            TreeMap<String, String> params = new TreeMap<>();
            JsonNode paramNode = optional(entry, "params", JsonNode::isObject, "an object of param values");
            if (paramNode != null) {
                paramNode.properties().forEach(param -> {
                    if (!param.getValue().isValueNode() || param.getValue().isNull()) {
                        throw error(
                                "params/" + param.getKey(),
                                "param \"" + param.getKey() + "\" must be a single value, not "
                                        + describe(param.getValue()));
                    }
                    params.put(param.getKey(), param.getValue().asText());
                });
            }
            Map<String, Metric> secondary = new LinkedHashMap<>();
            JsonNode secondaryNode = optional(entry, "secondaryMetrics", JsonNode::isObject, "an object of metrics");
            if (secondaryNode != null) {
                secondaryNode
                        .properties()
                        .forEach(metric -> secondary.put(
                                metric.getKey(),
                                metric("secondaryMetrics/" + metric.getKey(), metric.getValue(), true)));
            }
            List<String> jvmArgs = new ArrayList<>();
            JsonNode args = optional(entry, "jvmArgs", JsonNode::isArray, "an array of strings");
            if (args != null) {
                for (int i = 0; i < args.size(); i++) {
                    if (!args.get(i).isTextual()) {
                        throw error("jvmArgs/" + i, "\"jvmArgs\" must hold strings, not " + describe(args.get(i)));
                    }
                    jvmArgs.add(args.get(i).asText());
                }
            }
            return new BenchmarkResult(
                    benchmark,
                    mode,
                    integer("threads", 1),
                    integer("forks", 0),
                    integer("warmupIterations", 0),
                    integer("measurementIterations", 0),
                    text(entry, "jmhVersion", false).orElse(""),
                    text(entry, "jdkVersion", false).orElse(""),
                    text(entry, "vmName", false).orElse(""),
                    jvmArgs,
                    params,
                    metric("primaryMetric", primary, false),
                    secondary,
                    start);
        }

        private Metric metric(String path, JsonNode metric, boolean secondary) {
            String label = "\"" + path.replace('/', '.') + "\"";
            if (!metric.isObject()) {
                throw error(path, label + " must be an object with a score, not " + describe(metric));
            }
            JsonNode scoreNode = metric.get("score");
            if (scoreNode == null || scoreNode.isNull()) {
                throw error(path, label + " has no \"score\"");
            }
            double score = number(path + "/score", scoreNode, secondary);
            if (!secondary && !Double.isFinite(score)) {
                throw error(
                        path + "/score",
                        label.replace("\"primaryMetric\"", "\"primaryMetric.score\"") + " must be a finite number, not "
                                + describe(scoreNode));
            }
            JsonNode unit = metric.get("scoreUnit");
            if (unit == null || !unit.isTextual()) {
                throw error(
                        unit == null ? path : path + "/scoreUnit",
                        unit == null
                                ? label + " has no \"scoreUnit\""
                                : "\"scoreUnit\" must be a string, not " + describe(unit));
            }
            double error = metric.has("scoreError") && !metric.get("scoreError").isNull()
                    ? number(path + "/scoreError", metric.get("scoreError"), true)
                    : Double.NaN;
            double lower = score - error;
            double upper = score + error;
            JsonNode confidence = metric.get("scoreConfidence");
            if (confidence != null && !confidence.isNull()) {
                if (!confidence.isArray() || confidence.size() != 2) {
                    throw error(
                            path + "/scoreConfidence",
                            "\"scoreConfidence\" must be [lower, upper], not " + describe(confidence));
                }
                lower = number(path + "/scoreConfidence/0", confidence.get(0), true);
                upper = number(path + "/scoreConfidence/1", confidence.get(1), true);
            }
            List<List<Double>> raw = new ArrayList<>();
            JsonNode rawData = metric.get("rawData");
            if (rawData != null && !rawData.isNull()) {
                for (int fork = 0; fork < arrayOf(path + "/rawData", rawData).size(); fork++) {
                    List<Double> iterations = new ArrayList<>();
                    JsonNode forkNode = arrayOf(path + "/rawData/" + fork, rawData.get(fork));
                    for (int i = 0; i < forkNode.size(); i++) {
                        iterations.add(number(path + "/rawData/" + fork + "/" + i, forkNode.get(i), true));
                    }
                    raw.add(iterations);
                }
            }
            if (raw.isEmpty() && metric.has("rawDataHistogram")) {
                raw = histogramSamples(path + "/rawDataHistogram", metric.get("rawDataHistogram"));
            }
            return new Metric(score, error, lower, upper, unit.asText(), raw);
        }

        /**
         * Sample mode may store a histogram instead of raw data: per fork, per iteration, a list of
         * {@code [value, count]}. We keep one number per iteration (its mean), which is what the
         * sample count and per-iteration spread need.
         */
        private List<List<Double>> histogramSamples(String path, JsonNode histogram) {
            List<List<Double>> forks = new ArrayList<>();
            for (int f = 0; f < arrayOf(path, histogram).size(); f++) {
                JsonNode fork = arrayOf(path + "/" + f, histogram.get(f));
                List<Double> iterations = new ArrayList<>();
                for (int i = 0; i < fork.size(); i++) {
                    JsonNode iteration = arrayOf(path + "/" + f + "/" + i, fork.get(i));
                    double sum = 0;
                    double count = 0;
                    for (int b = 0; b < iteration.size(); b++) {
                        String bucket = path + "/" + f + "/" + i + "/" + b;
                        JsonNode pair = arrayOf(bucket, iteration.get(b));
                        if (pair.size() != 2) {
                            throw error(bucket, "a histogram bucket must be [value, count], not " + describe(pair));
                        }
                        double value = number(bucket + "/0", pair.get(0), false);
                        double weight = number(bucket + "/1", pair.get(1), false);
                        sum += value * weight;
                        count += weight;
                    }
                    iterations.add(count == 0 ? Double.NaN : sum / count);
                }
                forks.add(iterations);
            }
            return forks;
        }

        private JsonNode arrayOf(String path, JsonNode node) {
            if (!node.isArray()) {
                throw error(
                        path,
                        "\"" + path.replaceAll("/\\d+", "").replace('/', '.') + "\" must be an array, not "
                                + describe(node));
            }
            return node;
        }

        /** A JSON number; JMH writes a missing estimate as the string {@code "NaN"}, allowed where {@code nanText} says. */
        private double number(String path, JsonNode value, boolean nanText) {
            if (value.isNumber()) {
                return value.asDouble();
            }
            if (nanText && value.isTextual() && value.asText().equals("NaN")) {
                return Double.NaN;
            }
            String name = path.substring(path.lastIndexOf('/') + 1);
            String field = name.matches("\\d+") ? path.replaceAll("/\\d+", "").replace('/', '.') : name;
            throw error(path, "\"" + field + "\" must be a number, not " + describe(value));
        }

        private int integer(String field, int fallback) {
            JsonNode value = entry.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.canConvertToExactIntegral() || !value.isNumber()) {
                throw error(field, "\"" + field + "\" must be a whole number, not " + describe(value));
            }
            return value.asInt();
        }

        private Optional<String> text(JsonNode node, String field, boolean required) {
            JsonNode value = required ? required(node, field) : node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw error(field, "\"" + field + "\" must be a string, not " + describe(value));
            }
            return Optional.of(value.asText());
        }

        private JsonNode required(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new InputException(where.get(pointer), "not a JMH record: missing \"" + field + "\"");
            }
            return value;
        }

        private JsonNode optional(
                JsonNode node, String field, java.util.function.Predicate<JsonNode> type, String expected) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!type.test(value)) {
                throw error(field, "\"" + field + "\" must be " + expected + ", not " + describe(value));
            }
            return value;
        }

        private InputException error(String path, String message) {
            Location location = where.getOrDefault(pointer + "/" + path, where.get(pointer));
            return new InputException(location, message);
        }

        private static String describe(JsonNode value) {
            if (value.isTextual()) {
                String text = value.asText();
                return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
            }
            if (value.isObject()) {
                return "an object";
            }
            if (value.isArray()) {
                return value.isEmpty() ? "an empty array" : "an array";
            }
            if (value.isBoolean()) {
                return value.asText();
            }
            return value.isNull() ? "null" : value.toString();
        }
    }

    /** Reads a JSON value into a tree, noting where each value starts by its JSON pointer. */
    private static final class Located {

        private Located() {}

        static JsonNode read(JsonParser parser, Path file, Map<String, Location> where) throws IOException {
            return value(parser, file, "", where);
        }

        private static JsonNode value(JsonParser parser, Path file, String pointer, Map<String, Location> where)
                throws IOException {
            where.put(pointer, at(file, parser.currentTokenLocation()));
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_ARRAY) {
                var array = JSON.getNodeFactory().arrayNode();
                int i = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, file, pointer + "/" + i++, where));
                }
                return array;
            }
            if (token == JsonToken.START_OBJECT) {
                var object = JSON.getNodeFactory().objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser, file, pointer + "/" + name, where));
                }
                return object;
            }
            return JSON.readTree(parser);
        }
    }
}
