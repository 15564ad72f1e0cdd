package io.github.poolbench.history;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.files.InputFile;
import io.github.poolbench.files.InputTree;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * {@code content/history/acknowledged.yml}: the changes the repository says were expected, one
 * entry each of {@code commit}, {@code benchmark} and {@code reason}. The file arrives by pull
 * request, so it is read as YAML nodes only (never constructed into objects), its size and aliases
 * are bounded, and any entry that is not exactly those three texts stops the build with its
 * {@code file:line:column}.
 */
public final class Acknowledgements {

    /** Where the file lies below the content folder. */
    public static final String PATH = "history/acknowledged.yml";

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,64}");
    private static final List<String> KEYS = List.of("commit", "benchmark", "reason");
    private static final int LONGEST_FILE = 256 * 1024;
    private static final int LONGEST_TEXT = 500;

    private Acknowledgements() {}

    /**
     * The acknowledgements of the content folder; none when it has no such file.
     *
     * @throws InputException at the first entry that is not as described
     */
    public static List<Acknowledgement> load(Path content, Diagnostics diagnostics) {
        Optional<InputFile> file = InputTree.walk(content, "content", diagnostics).stream()
                .filter(f -> f.relative().toString().replace('\\', '/').equals(PATH))
                .findFirst();
        return file.isEmpty() ? List.of() : read(file.get().path(), file.get().real());
    }

    /** Reads {@code real}, naming {@code file} in messages. */
    static List<Acknowledgement> read(Path file, Path real) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(LONGEST_FILE);
        options.setNestingDepthLimit(8);
        Node root;
        try (Reader reader = Files.newBufferedReader(real, StandardCharsets.UTF_8)) {
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new InputException(at(file, e.getProblemMark()), "bad YAML: " + e.getProblem(), e);
        } catch (IOException e) {
            throw new InputException(Location.of(file), "cannot read: " + InputTree.reason(e), e);
        } catch (RuntimeException e) { // snakeyaml reports its limits unmarked
            throw new InputException(Location.of(file, 1), "bad YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new InputException(
                    at(file, root.getStartMark()),
                    "expected a list of acknowledged changes, each '- commit: …', 'benchmark: …', 'reason: …'");
        }
        List<Acknowledgement> entries = new ArrayList<>();
        for (Node item : list.getValue()) {
            entries.add(entry(file, item));
        }
        return List.copyOf(entries);
    }

    private static Acknowledgement entry(Path file, Node item) {
        Location where = at(file, item.getStartMark());
        if (!(item instanceof MappingNode mapping)) {
            throw new InputException(where, "an acknowledged change must have the keys commit, benchmark and reason");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Location keyAt = at(file, tuple.getKeyNode().getStartMark());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || !KEYS.contains(keyNode.getValue())) {
                String name = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "(not a word)";
                throw new InputException(
                        keyAt, "unknown key '" + name + "': an acknowledged change has commit, benchmark and reason");
            }
            String key = keyNode.getValue();
            if (!seen.add(key)) {
                throw new InputException(keyAt, "'" + key + "' given twice");
            }
            Location valueAt = at(file, tuple.getValueNode().getStartMark());
            if (!(tuple.getValueNode() instanceof ScalarNode value)
                    || value.getValue().isBlank()) {
                throw new InputException(valueAt, "'" + key + "' must be a text that is not empty");
            }
            String text = value.getValue().strip();
            if (text.length() > LONGEST_TEXT || text.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new InputException(
                        valueAt, "'" + key + "' must be one line of at most " + LONGEST_TEXT + " characters");
            }
            if (key.equals("commit")) {
                text = text.toLowerCase(java.util.Locale.ROOT);
                if (!COMMIT.matcher(text).matches()) {
                    throw new InputException(
                            valueAt,
                            "'commit' must be a commit hash or its first 7 characters or more, not '" + text + "'");
                }
            }
            values.put(key, text);
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new InputException(where, "an acknowledged change without '" + key + "'");
            }
        }
        return new Acknowledgement(values.get("commit"), values.get("benchmark"), values.get("reason"), where);
    }

    private static Location at(Path file, Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
