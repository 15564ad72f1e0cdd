package io.github.poolbench.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.poolbench.results.RatioInterval;
import io.github.poolbench.results.Sample;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** How {@code compare} prints: a table for a terminal, Markdown for a pull request, JSON for tools. */
public enum ReportFormat {
    TEXT {
        @Override
        public String render(Comparison comparison) {
            StringBuilder out = new StringBuilder();
            out.append("OLD  ").append(comparison.oldFile()).append('\n');
            out.append("NEW  ").append(comparison.newFile()).append('\n');
            out.append(EXPLANATION).append('\n');
            SortedMap<String, String> shared = Cells.shared(comparison.rows());
            sharedLine(shared, line -> out.append(line).append('\n'));
            out.append('\n');
            List<List<String>> table = table(comparison, shared, (row, cells) -> cells.values());
            int[] widths = new int[table.getFirst().size()];
            table.forEach(cells -> {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], cells.get(i).length());
                }
            });
            for (List<String> cells : table) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < widths.length; i++) {
                    text.append(i == 0 ? "" : "  ").append(cells.get(i));
                    text.repeat(' ', widths[i] - cells.get(i).length());
                }
                out.append(text.toString().stripTrailing()).append('\n');
            }
            out.append('\n').append(summary(comparison)).append('\n');
            unmatched(comparison, (heading, points) -> {
                out.append(heading).append(":\n");
                points.forEach(point -> out.append("  ").append(point.label()).append('\n'));
            });
            leftOut(comparison, line -> out.append(line).append('\n'));
            return out.toString();
        }
    },
    MARKDOWN {
        @Override
        public String render(Comparison comparison) {
            StringBuilder out = new StringBuilder();
            out.append("OLD ").append(code(comparison.oldFile().toString())).append(", NEW ");
            out.append(code(comparison.newFile().toString()))
                    .append(". ")
                    .append(EXPLANATION)
                    .append("\n\n");
            SortedMap<String, String> shared = Cells.shared(comparison.rows());
            sharedLine(shared, line -> out.append(line).append("\n\n"));
            List<List<String>> table = table(comparison, shared, (row, cells) -> {
                List<String> values = new ArrayList<>(cells.values());
                values.set(0, code(cells.name()));
                values.set(
                        values.size() - 1, row.verdict().regressed() ? "**" + cells.verdict() + "**" : cells.verdict());
                return values;
            });
            List<String> headings = table.getFirst();
            out.append(cells(headings));
            // scores and ratios align right, words left
            out.append(cells(headings.stream()
                    .map(heading -> heading.equals("OLD") || heading.equals("NEW") || heading.startsWith("NEW/OLD")
                            ? "---:"
                            : "---")
                    .toList()));
            table.stream().skip(1).forEach(values -> out.append(cells(values)));
            out.append('\n').append(summary(comparison)).append('\n');
            unmatched(comparison, (heading, points) -> {
                out.append('\n').append(heading).append(":\n\n");
                points.forEach(
                        point -> out.append("- ").append(escape(point.label())).append('\n'));
            });
            leftOut(comparison, line -> out.append('\n').append(line).append('\n'));
            return out.toString();
        }

        private static String cells(List<String> values) {
            return values.stream().map(ReportFormat::escape).collect(Collectors.joining(" | ", "| ", " |\n"));
        }
    },
    JSON {
        @Override
        public String render(Comparison comparison) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("old", comparison.oldFile().toString());
            root.put("new", comparison.newFile().toString());
            root.put("confidence", Sample.CONFIDENCE);
            ArrayNode rows = root.putArray("rows");
            for (Row row : comparison.rows()) {
                ObjectNode node = rows.addObject();
                node.put("benchmark", row.point().benchmark());
                node.put("mode", row.point().mode());
                ObjectNode params = node.putObject("params");
                row.point().params().forEach(params::put);
                node.put("threads", row.point().threads());
                if (row.metric().isPresent()) {
                    node.put("metric", row.metric().get());
                } else {
                    node.putNull("metric");
                }
                node.put("unit", row.unit());
                side(node.putObject("old"), row.old());
                side(node.putObject("new"), row.current());
                ObjectNode ratio = node.putObject("ratio");
                RatioInterval interval = row.ratio();
                number(ratio, "value", interval.ratio());
                number(ratio, "lower", interval.lower());
                number(ratio, "upper", interval.upper());
                ratio.put("bounded", interval.isBounded());
                node.put("better", row.direction().word());
                node.put("verdict", row.verdict().word());
            }
            points(root.putArray("onlyOld"), comparison.onlyOld());
            points(root.putArray("onlyNew"), comparison.onlyNew());
            root.put("secondaryMetricsLeftOut", comparison.leftOut());
            ObjectNode counts = root.putObject("verdicts");
            comparison.counts().forEach((verdict, count) -> counts.put(verdict.word(), count));
            root.put("regressed", comparison.regressed());
            try {
                return MAPPER.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void side(ObjectNode node, Row.Side side) {
            number(node, "score", side.score());
            number(node, "lower", side.lower());
            number(node, "upper", side.upper());
            node.put("samples", side.samples());
        }

        /** JSON has no NaN or infinity: an unknown or unbounded end is {@code null}. */
        private static void number(ObjectNode node, String name, double value) {
            if (Double.isFinite(value)) {
                node.put(name, value);
            } else {
                node.putNull(name);
            }
        }

        private static void points(ArrayNode array, List<Point> points) {
            for (Point point : points) {
                ObjectNode node = array.addObject();
                node.put("benchmark", point.benchmark());
                node.put("mode", point.mode());
                ObjectNode params = node.putObject("params");
                point.params().forEach(params::put);
                node.put("threads", point.threads());
            }
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final String EXPLANATION =
            "Scores with their 99.9 % intervals; NEW/OLD is the ratio of the means with its own 99.9 % interval,"
                    + " and a verdict other than ~ needs that interval to exclude 1.";

    /** The whole report, ending with a line break. */
    public abstract String render(Comparison comparison);

    private static String summary(Comparison comparison) {
        return comparison.rows().isEmpty()
                ? "No point is in both files."
                : "NEW against OLD: " + Cells.summary(comparison.counts()) + " ("
                        + comparison.rows().size() + (comparison.rows().size() == 1 ? " row)." : " rows).");
    }

    private static void unmatched(Comparison comparison, java.util.function.BiConsumer<String, List<Point>> print) {
        if (!comparison.onlyOld().isEmpty()) {
            print.accept("Only in OLD (" + comparison.onlyOld().size() + ")", comparison.onlyOld());
        }
        if (!comparison.onlyNew().isEmpty()) {
            print.accept("Only in NEW (" + comparison.onlyNew().size() + ")", comparison.onlyNew());
        }
    }

    /**
     * The table's headings and one list of cells per row; the params column is left out when no row
     * has a param of its own (all of them shared, or none at all).
     */
    private static List<List<String>> table(
            Comparison comparison, SortedMap<String, String> shared, BiFunction<Row, Cells, List<String>> cells) {
        List<List<String>> table = new ArrayList<>();
        table.add(Cells.HEADINGS);
        comparison.rows().forEach(row -> table.add(cells.apply(row, Cells.of(row, shared.keySet()))));
        int params = Cells.HEADINGS.indexOf("params");
        if (table.stream().skip(1).allMatch(values -> values.get(params).isEmpty())) {
            return table.stream()
                    .map(values -> {
                        List<String> fewer = new ArrayList<>(values);
                        fewer.remove(params);
                        return List.copyOf(fewer);
                    })
                    .toList();
        }
        return table;
    }

    private static void sharedLine(SortedMap<String, String> shared, java.util.function.Consumer<String> print) {
        if (!shared.isEmpty()) {
            print.accept("Every row has "
                    + shared.entrySet().stream()
                            .map(param -> param.getKey() + "=" + param.getValue())
                            .collect(Collectors.joining(", "))
                    + ".");
        }
    }

    private static void leftOut(Comparison comparison, java.util.function.Consumer<String> print) {
        if (comparison.leftOut() > 0) {
            print.accept(comparison.leftOut()
                    + " secondary metric(s) left out: measured in one file only, or with neither raw data"
                    + " nor an error estimate.");
        }
    }

    /** A Markdown table cell: a bar would end the cell, and a line break the row. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }

    /** Inline code that no backtick in the text can close early. */
    private static String code(String text) {
        return "`" + text.replace("`", "'") + "`";
    }
}
