package io.github.poolbench.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.files.InputTree;
import io.github.poolbench.layout.ResultsLayout;
import io.github.poolbench.results.ResultRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads and writes a history folder: {@code <machine-id>/<measured-at>-<commit>.json}, one small
 * file per published commit and machine. One file per run (never one growing file) keeps each
 * commit's addition to the data branch small and lets a build read only the newest files.
 */
public final class HistoryStore {

    /** The version of the summary format this code writes and reads. */
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The fields of a summary's {@code hardware} object, in {@link Hardware}'s order. */
    private static final List<String> HARDWARE = List.of("signature", "cpu", "cores", "memory", "os", "jdk");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private HistoryStore() {}

    /** The history entry of a run: its scores, keyed by the commit it measured. */
    public static RunSummary summarize(ResultRun run, String commit) {
        return new RunSummary(
                run.machineId(),
                commit,
                measuredAt(run),
                run.runId(),
                Hardware.of(run),
                run.results().stream().map(Score::of).toList());
    }

    /**
     * Writes a run's summary under {@code root}, replacing an earlier summary of the same commit on
     * the same machine (a re-run of a commit keeps one entry); returns the file written.
     */
    public static Path record(Path root, RunSummary summary) {
        Path folder = root.resolve(summary.machine());
        Path file = folder.resolve(summary.fileName());
        String suffix = summary.fileName().substring(summary.measuredAt().length());
        try {
            Files.createDirectories(folder);
            for (Path old : list(folder)) {
                if (old.getFileName().toString().endsWith(suffix) && !old.equals(file)) {
                    Files.delete(old);
                }
            }
            Files.writeString(file, toJson(summary), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record history in " + folder, e);
        }
        return file;
    }

    /**
     * The newest {@code window} runs of every machine under {@code root}, machines in name order,
     * runs oldest first. A missing root is an empty history (the first published run has none).
     * A file that cannot be read is skipped with a warning naming its line.
     */
    public static List<MachineHistory> load(Path root, int window, Diagnostics diagnostics) {
        List<MachineHistory> machines = new ArrayList<>();
        // Only regular files inside the folder (InputTree); machine folders hold the summaries, dot-folders are no
        // machines.
        Map<String, List<InputFile>> byMachine = new TreeMap<>();
        for (InputFile file : InputTree.walk(root, "history", diagnostics)) {
            String machine = file.relative().getName(0).toString();
            if (file.relative().getNameCount() == 2
                    && !machine.startsWith(".")
                    && file.name().endsWith(".json")) {
                byMachine.computeIfAbsent(machine, m -> new ArrayList<>()).add(file);
            }
        }
        byMachine.forEach((machine, all) -> {
            List<InputFile> files = all.stream()
                    .sorted(java.util.Comparator.comparing(InputFile::name))
                    .toList();
            List<RunSummary> runs = new ArrayList<>();
            for (InputFile file : files.subList(Math.max(0, files.size() - window), files.size())) {
                try {
                    runs.add(read(file.path(), file.real(), machine));
                } catch (InputException e) {
                    e.errors()
                            .forEach(error -> diagnostics.warn(
                                    error.location(), error.message() + " (run left out of the trends)"));
                }
            }
            if (!runs.isEmpty()) {
                machines.add(new MachineHistory(machine, files.size(), runs));
            }
        });
        return machines;
    }

    /** Reads one summary file; {@code machine} is the folder it lies in. */
    static RunSummary read(Path file, String machine) {
        return read(file, file, machine);
    }

    /** Reads {@code real}, naming {@code file} in messages. */
    private static RunSummary read(Path file, Path real, String machine) {
        Map<String, JsonNode> header = new TreeMap<>();
        List<Score> scores = new ArrayList<>();
        try (java.io.InputStream in = Files.newInputStream(real);
                JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(
                        at(file, parser.currentTokenLocation()), "not a history summary: expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("scores") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Location where = at(file, parser.currentTokenLocation());
                        scores.add(toScore(JSON.readTree(parser), where));
                    }
                } else {
                    header.put(field, JSON.readTree(parser));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InputException(at(file, e.getLocation()), "malformed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot read: " + e.getMessage(), e);
        }
        int format = header.containsKey("format") ? header.get("format").asInt(-1) : -1;
        if (format != FORMAT) {
            throw new InputException(
                    Location.of(file, 1),
                    "unknown history format " + header.get("format") + " (this build reads " + FORMAT + ")");
        }
        return new RunSummary(
                machine,
                text(header, "commit", file),
                text(header, "measuredAt", file),
                header.containsKey("runId") ? header.get("runId").asText() : "",
                hardware(header.get("hardware"), file),
                scores);
    }

    private static String text(Map<String, JsonNode> header, String field, Path file) {
        JsonNode node = header.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new InputException(Location.of(file, 1), "history summary without \"" + field + "\"");
        }
        return node.asText();
    }

    /** Summaries written before history kept the hardware have none: unknown hardware, not an error. */
    private static Hardware hardware(JsonNode node, Path file) {
        if (node == null || node.isNull()) {
            return Hardware.UNKNOWN;
        }
        if (!node.isObject()) {
            throw new InputException(Location.of(file, 1), "\"hardware\" must be an object of texts");
        }
        String[] parts = new String[HARDWARE.size()];
        for (int i = 0; i < parts.length; i++) {
            JsonNode part = node.get(HARDWARE.get(i));
            if (part != null && !part.isNull() && !part.isTextual()) {
                throw new InputException(
                        Location.of(file, 1), "\"hardware\".\"" + HARDWARE.get(i) + "\" must be a text");
            }
            parts[i] = part == null || part.isNull() ? "" : part.asText();
        }
        return new Hardware(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    private static Score toScore(JsonNode node, Location where) {
        for (String field : List.of("benchmark", "mode", "score")) {
            if (!node.hasNonNull(field)) {
                throw new InputException(where, "score without \"" + field + "\"");
            }
        }
        TreeMap<String, String> params = new TreeMap<>();
        node.path("params")
                .properties()
                .forEach(param -> params.put(param.getKey(), param.getValue().asText()));
        return new Score(
                node.get("benchmark").asText(),
                node.get("mode").asText(),
                params,
                number(node.get("score")),
                number(node.get("error")),
                number(node.get("lower")),
                number(node.get("upper")),
                node.path("unit").asText(""),
                number(node.get("sd")),
                node.path("samples").asInt(0));
    }

    /** Missing and {@code null} mean "no estimate"; JSON has no NaN. */
    private static double number(JsonNode node) {
        return node != null && node.isNumber() ? node.asDouble() : Double.NaN;
    }

    /** One score a line, fields in a fixed order: the same run always gives the same bytes, and diffs read well. */
    static String toJson(RunSummary summary) {
        try {
            StringBuilder json = new StringBuilder("{\n");
            json.append("  \"format\": ").append(FORMAT).append(",\n");
            String[][] header = {
                {"machine", summary.machine()},
                {"commit", summary.commit()},
                {"measuredAt", summary.measuredAt()},
                {"runId", summary.runId()}
            };
            for (String[] field : header) {
                json.append("  \"")
                        .append(field[0])
                        .append("\": ")
                        .append(JSON.writeValueAsString(field[1]))
                        .append(",\n");
            }
            Hardware hardware = summary.hardware();
            if (hardware.known()) {
                Map<String, String> fields = new LinkedHashMap<>();
                List<String> values = List.of(
                        hardware.signature(),
                        hardware.cpu(),
                        hardware.cores(),
                        hardware.memory(),
                        hardware.os(),
                        hardware.jdk());
                for (int i = 0; i < HARDWARE.size(); i++) {
                    fields.put(HARDWARE.get(i), values.get(i));
                }
                json.append("  \"hardware\": ")
                        .append(JSON.writeValueAsString(fields))
                        .append(",\n");
            }
            json.append("  \"scores\": [");
            String separator = "\n    ";
            for (Score score : summary.scores()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("benchmark", score.benchmark());
                entry.put("mode", score.mode());
                entry.put("params", score.params());
                entry.put("score", finite(score.score()));
                entry.put("error", finite(score.error()));
                entry.put("lower", finite(score.lower()));
                entry.put("upper", finite(score.upper()));
                entry.put("unit", score.unit());
                entry.put("sd", finite(score.sd()));
                entry.put("samples", score.samples());
                json.append(separator).append(JSON.writeValueAsString(entry));
                separator = ",\n    ";
            }
            return json.append(summary.scores().isEmpty() ? "]\n}\n" : "\n  ]\n}\n")
                    .toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a history summary", e);
        }
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /**
     * The run's start, from its id ({@link ResultsLayout#startOf}), else the JMH file's time;
     * always to the second, so that file names sort in time order whichever form the id had.
     */
    static String measuredAt(ResultRun run) {
        java.util.Optional<java.time.Instant> start = ResultsLayout.startOf(run.runId());
        if (start.isPresent()) {
            return TIME.format(start.get());
        }
        try {
            return TIME.format(Files.getLastModifiedTime(run.jmhFile()).toInstant());
        } catch (IOException e) {
            throw new InputException(Location.of(run.jmhFile()), "cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(java.util.Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
        }
    }

    private static Location at(Path file, JsonLocation location) {
        return location == null
                ? Location.of(file)
                : new Location(file, Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }
}
