package io.github.poolbench.lesson;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A lesson's YAML front matter, with the keys GTN tutorials use checked for their type. A value of
 * the wrong shape (a list where one value belongs, a word where a number belongs) is an error that
 * names the key's {@code file:line:column}; keys this site does not know are kept in {@link #raw()}.
 *
 * @param title          the page title; empty when the lesson has none
 * @param timeEstimation GTN's duration, e.g. {@code 1H30M}; empty when absent
 * @param contributions  role (e.g. {@code authorship}) to contributor names, in file order; the older
 *                       {@code contributors:} list is read as {@code authorship}
 * @param priority       where the lesson goes in the index; {@code null} when not given
 * @param raw            every key as snakeyaml reads it, unknown ones included
 */
public record FrontMatter(
        String title,
        String level,
        List<String> questions,
        List<String> objectives,
        List<String> keyPoints,
        String timeEstimation,
        Map<String, List<String>> contributions,
        List<Requirement> requirements,
        List<Requirement> followUpTraining,
        Map<String, String> abbreviations,
        List<String> tags,
        String subtopic,
        Integer priority,
        Map<String, Object> raw) {

    /** An empty front matter, for a lesson without one. */
    public static final FrontMatter NONE = new FrontMatter(
            "", "", List.of(), List.of(), List.of(), "", Map.of(), List.of(), List.of(), Map.of(), List.of(), "", null,
            Map.of());

    public FrontMatter {
        questions = List.copyOf(questions);
        objectives = List.copyOf(objectives);
        keyPoints = List.copyOf(keyPoints);
        contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
        requirements = List.copyOf(requirements);
        followUpTraining = List.copyOf(followUpTraining);
        abbreviations = Collections.unmodifiableMap(new LinkedHashMap<>(abbreviations));
        tags = List.copyOf(tags);
        raw = Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /** The same front matter with other raw keys (the typed fields stay as they are). */
    FrontMatter withRaw(Map<String, Object> keys) {
        return with(requirements, followUpTraining, keys);
    }

    /** The same front matter with other requirements, e.g. once internal ones link to lessons here. */
    FrontMatter withRequirements(List<Requirement> required, List<Requirement> followUp) {
        return with(required, followUp, raw);
    }

    /** A copy with these requirements and raw keys: the one place a wither lists every field. */
    private FrontMatter with(List<Requirement> required, List<Requirement> followUp, Map<String, Object> keys) {
        return new FrontMatter(
                title,
                level,
                questions,
                objectives,
                keyPoints,
                timeEstimation,
                contributions,
                required,
                followUp,
                abbreviations,
                tags,
                subtopic,
                priority,
                keys);
    }

    /**
     * One entry of {@code requirements} or {@code follow_up_training}.
     *
     * @param type      {@code internal} (another GTN tutorial), {@code external} (a link) or {@code none} (text)
     * @param link      the address of an external requirement, or of the lesson here an internal one names
     *                  (relative to the requiring page); empty otherwise
     * @param tutorials the tutorials of an internal requirement, in {@code topic} ({@code topic_name})
     */
    public record Requirement(String type, String title, String link, String topic, List<String> tutorials) {
        public Requirement {
            tutorials = List.copyOf(tutorials);
        }

        /** What a reader sees: the title, or the topic and tutorials of an internal requirement. */
        public String label() {
            if (!title.isEmpty()) {
                return title;
            }
            String list = String.join(", ", tutorials);
            return topic.isEmpty() ? list : list.isEmpty() ? topic : topic + ": " + list;
        }
    }

    /**
     * Reads the text between the {@code ---} lines.
     *
     * @param firstLine the file line the YAML starts on, so marks become file lines
     */
    static FrontMatter parse(String yaml, Path file, int firstLine, Diagnostics diagnostics) {
        Reader reader = new Reader(file, firstLine);
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Node root;
        Object values;
        try {
            root = new Yaml(options).compose(new StringReader(yaml));
            values = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            throw new InputException(reader.at(e.getProblemMark()), "bad YAML front matter: " + e.getProblem(), e);
        } catch (RuntimeException e) { // snakeyaml reports a few problems (e.g. recursion) unmarked
            throw new InputException(Location.of(file, firstLine), "bad YAML front matter: " + e.getMessage(), e);
        }
        if (root == null) {
            return NONE;
        }
        if (!(root instanceof MappingNode mapping) || !(values instanceof Map<?, ?> map)) {
            throw new InputException(reader.at(root), "front matter must be YAML keys with values, e.g. 'title: …'");
        }
        Map<String, Object> raw = new LinkedHashMap<>();
        map.forEach((key, value) -> raw.put(String.valueOf(key), value));
        return reader.read(mapping, raw, diagnostics);
    }

    /** Walks the node tree with marks, so every type error names its line. */
    private record Reader(Path file, int firstLine) {

        Location at(Mark mark) {
            return mark == null
                    ? Location.of(file, firstLine)
                    : new Location(file, firstLine + mark.getLine(), mark.getColumn() + 1);
        }

        Location at(Node node) {
            return at(node.getStartMark());
        }

        FrontMatter read(MappingNode mapping, Map<String, Object> raw, Diagnostics diagnostics) {
            String title = "", level = "", time = "", subtopic = "";
            List<String> questions = List.of(), objectives = List.of(), keyPoints = List.of(), tags = List.of();
            Map<String, List<String>> contributions = new LinkedHashMap<>();
            List<Requirement> requirements = List.of(), followUp = List.of();
            Map<String, String> abbreviations = Map.of();
            Integer priority = null;
            for (NodeTuple tuple : mapping.getValue()) {
                Node key = tuple.getKeyNode();
                Node value = tuple.getValueNode();
                String name = key instanceof ScalarNode scalar ? scalar.getValue() : "";
                switch (name) {
                    case "title" -> title = scalar(name, key, value);
                    case "level" -> level = scalar(name, key, value);
                    case "time_estimation" -> time = scalar(name, key, value);
                    case "subtopic" -> subtopic = scalar(name, key, value);
                    case "questions" -> questions = strings(name, key, value);
                    case "objectives" -> objectives = strings(name, key, value);
                    case "key_points" -> keyPoints = strings(name, key, value);
                    case "tags" -> tags = strings(name, key, value);
                    case "contributors" ->
                        contributions.merge("authorship", strings(name, key, value), FrontMatter::concat);
                    case "contributions" ->
                        roles(key, value)
                                .forEach((role, people) -> contributions.merge(role, people, FrontMatter::concat));
                    case "requirements" -> requirements = requirements(name, key, value);
                    case "follow_up_training" -> followUp = requirements(name, key, value);
                    case "abbreviations" -> abbreviations = abbreviations(key, value);
                    case "priority" -> priority = integer(name, key, value);
                    default -> {} // kept in raw: GTN has many keys this site does not show
                }
            }
            if (!time.isEmpty() && Durations.humanize(time).isEmpty()) {
                diagnostics.warn(
                        at(mapping.getValue().stream()
                                .filter(t -> t.getKeyNode() instanceof ScalarNode s
                                        && s.getValue().equals("time_estimation"))
                                .findFirst()
                                .orElseThrow()
                                .getValueNode()),
                        "time_estimation '" + time + "' is not a duration such as 30M or 1H30M; shown as written");
            }
            return new FrontMatter(
                    title,
                    level,
                    questions,
                    objectives,
                    keyPoints,
                    time,
                    contributions,
                    requirements,
                    followUp,
                    abbreviations,
                    tags,
                    subtopic,
                    priority,
                    raw);
        }

        private String scalar(String name, Node key, Node value) {
            if (isNull(value)) {
                return "";
            }
            if (value instanceof ScalarNode scalar) {
                return scalar.getValue().strip();
            }
            throw new InputException(at(key), "'" + name + "' must be a single value, not " + shape(value));
        }

        private List<String> strings(String name, Node key, Node value) {
            return sequence(name, key, value, "a list ('- item' lines)", item -> {
                if (!(item instanceof ScalarNode scalar)) {
                    throw new InputException(
                            at(item), "each item of '" + name + "' must be a single value, not " + shape(item));
                }
                return scalar.getValue().strip();
            });
        }

        /** A sequence, each item read by {@code item}; {@code what} says what it must be, for errors. */
        private <T> List<T> sequence(
                String name, Node key, Node value, String what, java.util.function.Function<Node, T> item) {
            if (isNull(value)) {
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                throw new InputException(at(key), "'" + name + "' must be " + what + ", not " + shape(value));
            }
            List<T> items = new ArrayList<>();
            for (Node node : sequence.getValue()) {
                items.add(item.apply(node));
            }
            return items;
        }

        private Map<String, List<String>> roles(Node key, Node value) {
            return mapping(
                    "contributions",
                    key,
                    value,
                    "roles to lists of names (e.g. 'authorship: [name]')",
                    (role, node) -> strings("contributions: " + role, node, node));
        }

        /** A mapping of scalar keys, each value read by {@code item}; {@code what} says what it maps, for errors. */
        private <T> Map<String, T> mapping(
                String name, Node key, Node value, String what, java.util.function.BiFunction<String, Node, T> item) {
            Map<String, T> entries = new LinkedHashMap<>();
            if (isNull(value)) {
                return entries;
            }
            if (!(value instanceof MappingNode mapping)) {
                throw new InputException(at(key), "'" + name + "' must map " + what + ", not " + shape(value));
            }
            for (NodeTuple tuple : mapping.getValue()) {
                String entry = scalar(name, tuple.getKeyNode(), tuple.getKeyNode());
                entries.put(entry, item.apply(entry, tuple.getValueNode()));
            }
            return entries;
        }

        private List<Requirement> requirements(String name, Node key, Node value) {
            return sequence(name, key, value, "a list of entries with 'type:'", item -> requirement(name, item));
        }

        private Requirement requirement(String name, Node item) {
            if (!(item instanceof MappingNode entry)) {
                throw new InputException(
                        at(item),
                        "each item of '" + name + "' must have keys such as 'type:' and 'title:', not " + shape(item));
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (NodeTuple tuple : entry.getValue()) {
                String field = scalar(name, tuple.getKeyNode(), tuple.getKeyNode());
                fields.put(
                        field,
                        field.equals("tutorials")
                                ? strings(name + ": tutorials", tuple.getKeyNode(), tuple.getValueNode())
                                : scalar(name + ": " + field, tuple.getKeyNode(), tuple.getValueNode()));
            }
            @SuppressWarnings("unchecked")
            List<String> tutorials = (List<String>) fields.getOrDefault("tutorials", List.of());
            return new Requirement(
                    (String) fields.getOrDefault("type", "none"),
                    (String) fields.getOrDefault("title", ""),
                    (String) fields.getOrDefault("link", ""),
                    (String) fields.getOrDefault("topic_name", ""),
                    tutorials);
        }

        private Map<String, String> abbreviations(Node key, Node value) {
            return mapping(
                    "abbreviations",
                    key,
                    value,
                    "each abbreviation to its meaning (e.g. 'JVM: Java Virtual Machine')",
                    (abbreviation, node) -> scalar("abbreviations: " + abbreviation, node, node));
        }

        private Integer integer(String name, Node key, Node value) {
            if (isNull(value)) {
                return null;
            }
            if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.INT)) {
                try {
                    return Integer.valueOf(scalar.getValue().replace("_", ""));
                } catch (NumberFormatException e) {
                    // falls through to the error below: too large, or octal/hex forms
                }
            }
            throw new InputException(at(key), "'" + name + "' must be a whole number, not " + shape(value));
        }

        private static boolean isNull(Node value) {
            return value.getTag().equals(Tag.NULL);
        }

        private static String shape(Node node) {
            return switch (node) {
                case SequenceNode s -> "a list";
                case MappingNode m -> "keys with values";
                case ScalarNode s -> "'" + s.getValue() + "'";
                default -> "a " + node.getNodeId();
            };
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(name -> !all.contains(name)).forEach(all::add);
        return all;
    }
}
