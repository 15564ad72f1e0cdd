package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.Selection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What a {@code chart} or {@code results} block asks for: the results a chart draws, or a table
 * lists (a {@code results} block is a table, with the keys below but {@code y} and {@code ideal}).
 * The {@code kind} is the block's name, {@code chart} or {@code results}, and decides which keys
 * it may use and whether {@code x} is required.
 *
 * <pre>
 * benchmark: SleepBenchmark.map   # the end of JMH's full benchmark name
 * x: poolSize                     # the param on the x axis (optional in a results table)
 * series: pool                    # one line per value of this param (optional)
 * where: {tasks: "12"}            # fixes other params (optional)
 * mode: avgt                      # only when the benchmark ran in several modes
 * y: time                         # chart only: time, speedup or efficiency (default time)
 * ideal: waiting                  # chart only: waiting, cpu or none (default: waiting when the
 *                                 #   results have a tasks param and a *Millis task time)
 * machine: some-machine-id        # default: the machine being reported
 * title: Twelve {sleepMillis} naps # optional; {param} is that param's one value in the data
 * </pre>
 */
public record ChartSpec(
        String kind,
        Selection selection,
        Optional<String> x,
        Optional<String> series,
        YAxis y,
        Ideal ideal,
        Optional<String> machine,
        Optional<String> title) {

    /** What the y axis shows. */
    public enum YAxis {
        TIME,
        SPEEDUP,
        EFFICIENCY
    }

    /** The best a pool could do, drawn as a dashed guide. */
    public enum Ideal {
        /** Chosen from the params: waiting when they give a task count and a per-task time. */
        AUTO,
        /** ceil(tasks / x) rounds of one task time: work that waits (sleeps, I/O). */
        WAITING,
        /** Linear speed-up up to the core count: work that computes. */
        CPU,
        NONE
    }

    private static final Set<String> TABLE_KEYS =
            Set.of("benchmark", "mode", "x", "series", "where", "machine", "title");
    private static final Set<String> CHART_KEYS = union(TABLE_KEYS, Set.of("y", "ideal"));

    /** Reads a {@code chart} block's body; {@code location} is the body's first line, so errors point into the lesson. */
    public static ChartSpec parse(String yaml, Location location) {
        return parse("chart", yaml, location);
    }

    /** Reads the body of a {@code chart} or {@code results} block. */
    public static ChartSpec parse(String kind, String yaml, Location location) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
            throw new InputException(location.plusLines(line), "bad " + kind + " YAML: " + e.getProblem(), e);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(
                    location,
                    "a " + kind + " block needs YAML keys such as 'benchmark:'"
                            + (kind.equals("chart") ? " and 'x:'" : ""));
        }
        Set<String> keys = kind.equals("chart") ? CHART_KEYS : TABLE_KEYS;
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), location, "key");
            if (!keys.contains(key)) {
                throw new InputException(
                        at(tuple.getKeyNode(), location),
                        "unknown " + kind + " key '" + key + "' (known: " + String.join(", ", new TreeSet<>(keys))
                                + ")");
            }
            values.put(key, tuple.getValueNode());
        }
        String benchmark = optional(values, "benchmark", location)
                .orElseThrow(() -> new InputException(location, kind + " block is missing 'benchmark:'"));
        Optional<String> x = optional(values, "x", location);
        if (kind.equals("chart") && x.isEmpty()) {
            throw new InputException(location, "chart block is missing 'x:'");
        }
        Map<String, String> where = new LinkedHashMap<>();
        Node whereNode = values.get("where");
        if (whereNode != null) {
            if (!(whereNode instanceof MappingNode whereMap)) {
                throw new InputException(
                        at(whereNode, location), "'where' must map param names to values, e.g. {tasks: \"12\"}");
            }
            for (NodeTuple tuple : whereMap.getValue()) {
                where.put(
                        scalar(tuple.getKeyNode(), location, "param name"),
                        scalar(tuple.getValueNode(), location, "param value"));
            }
        }
        YAxis y = choice(values, "y", YAxis.class, YAxis.TIME, location);
        Ideal ideal = choice(values, "ideal", Ideal.class, Ideal.AUTO, location);
        if (ideal == Ideal.AUTO && values.containsKey("ideal")) {
            throw new InputException(
                    at(values.get("ideal"), location), "unknown ideal 'auto' (choose waiting, cpu or none)");
        }
        Selection selection = new Selection(benchmark, optional(values, "mode", location), where, location);
        return new ChartSpec(
                kind,
                selection,
                x,
                optional(values, "series", location),
                y,
                ideal,
                optional(values, "machine", location),
                optional(values, "title", location));
    }

    public String benchmark() {
        return selection.benchmark();
    }

    public Location location() {
        return selection.location();
    }

    /** Params the block names: they must exist in the results. */
    public List<String> namedParams() {
        List<String> names = new ArrayList<>(selection.where().keySet());
        x.ifPresent(names::add);
        series.ifPresent(names::add);
        return names;
    }

    private static <E extends Enum<E>> E choice(
            Map<String, Node> values, String key, Class<E> type, E fallback, Location location) {
        Node node = values.get(key);
        if (node == null) {
            return fallback;
        }
        String name = scalar(node, location, key);
        List<String> choices = java.util.Arrays.stream(type.getEnumConstants())
                .filter(c -> !c.name().equals("AUTO"))
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .toList();
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    at(node, location),
                    "unknown " + key + " '" + name + "' (choose "
                            + String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.getLast()
                            + ")");
        }
    }

    private static Optional<String> optional(Map<String, Node> values, String key, Location location) {
        Node node = values.get(key);
        return node == null ? Optional.empty() : Optional.of(scalar(node, location, key));
    }

    private static String scalar(Node node, Location location, String what) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue().strip();
        }
        throw new InputException(at(node, location), "'" + what + "' must be a single value");
    }

    private static Location at(Node node, Location blockStart) {
        return blockStart.plusLines(node.getStartMark().getLine());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
