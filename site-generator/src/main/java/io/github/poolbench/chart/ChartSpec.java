package io.github.poolbench.chart;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * What a chart block asks for.
 *
 * <pre>
 * benchmark: SleepBenchmark.map   # the end of JMH's full benchmark name
 * x: poolSize                     # the param on the x axis
 * series: pool                    # one line per value of this param (optional)
 * where: {tasks: "12"}            # fixes other params (optional)
 * y: time                         # time, speedup or efficiency (default time)
 * machine: some-machine-id        # default: the machine being reported
 * </pre>
 */
public record ChartSpec(String benchmark, String x, Optional<String> series, Map<String, String> where, YAxis y,
                        Optional<String> machine, Optional<String> title, Location location) {

    /** What the y axis shows. */
    public enum YAxis { TIME, SPEEDUP, EFFICIENCY }

    private static final Set<String> KEYS = Set.of("benchmark", "x", "series", "where", "y", "machine", "title");

    public ChartSpec {
        where = Map.copyOf(where);
    }

    /** Reads a block body; {@code location} is the body's first line, so errors point into the lesson. */
    public static ChartSpec parse(String yaml, Location location) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine();
            throw new InputException(location.plusLines(line), "bad chart YAML: " + e.getProblem(), e);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(location, "a chart block needs YAML keys such as 'benchmark:' and 'x:'");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode(), location, "key");
            if (!KEYS.contains(key)) {
                throw new InputException(at(tuple.getKeyNode(), location),
                        "unknown chart key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            values.put(key, tuple.getValueNode());
        }
        String benchmark = requiredScalar(values, "benchmark", location);
        String x = requiredScalar(values, "x", location);
        Map<String, String> where = new LinkedHashMap<>();
        Node whereNode = values.get("where");
        if (whereNode != null) {
            if (!(whereNode instanceof MappingNode whereMap)) {
                throw new InputException(at(whereNode, location), "'where' must map param names to values, e.g. {tasks: \"12\"}");
            }
            for (NodeTuple tuple : whereMap.getValue()) {
                where.put(scalar(tuple.getKeyNode(), location, "param name"), scalar(tuple.getValueNode(), location, "param value"));
            }
        }
        YAxis y = YAxis.TIME;
        if (values.containsKey("y")) {
            String name = scalar(values.get("y"), location, "y");
            try {
                y = YAxis.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InputException(at(values.get("y"), location), "unknown y '" + name + "' (choose time, speedup or efficiency)");
            }
        }
        return new ChartSpec(benchmark, x, optional(values, "series", location), where, y,
                optional(values, "machine", location), optional(values, "title", location), location);
    }

    private static Optional<String> optional(Map<String, Node> values, String key, Location location) {
        Node node = values.get(key);
        return node == null ? Optional.empty() : Optional.of(scalar(node, location, key));
    }

    private static String requiredScalar(Map<String, Node> values, String key, Location location) {
        Node node = values.get(key);
        if (node == null) {
            throw new InputException(location, "chart block is missing '" + key + ":'");
        }
        return scalar(node, location, key);
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

    /** Params the chart fixes or varies: everything else must have one value in the selection. */
    public List<String> namedParams() {
        List<String> names = new java.util.ArrayList<>(where.keySet());
        names.add(x);
        series.ifPresent(names::add);
        return names;
    }
}
