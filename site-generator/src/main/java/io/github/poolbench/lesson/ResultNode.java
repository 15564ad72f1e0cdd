package io.github.poolbench.lesson;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;

/**
 * A place in a lesson that shows measured results, as a node of the lesson's tree: a {@code ```chart}
 * or {@code ```results} fence whose body is YAML, or an inline {@code {% measured %}} or
 * {@code {% compare %}} tag. Its spec is parsed when the lesson loads, so a syntax error is reported
 * then, at {@code file:line:column}; the site binds the node to a run and its renderer writes it.
 */
public abstract sealed class ResultNode extends Node permits ResultNode.Fence, ResultNode.Measured, ResultNode.Compare {

    /** What a result node shows; {@link #word} is how lessons spell it. */
    public enum Kind {
        /** A ```chart fence. */
        CHART("chart"),
        /** A ```results fence: a table. */
        RESULTS("results"),
        /** {@code {% measured %}}: one number with its error. */
        VALUE("measured"),
        /** {@code {% compare %}}: a claim checked against the data. */
        COMPARE("compare");

        /** The fence's info string or the tag's name, and the word messages name it by. */
        public final String word;

        Kind(String word) {
            this.word = word;
        }

        /** Whether it stands as a block of its own (a chart, a table) rather than in running text. */
        public boolean block() {
            return this == CHART || this == RESULTS;
        }
    }

    private final int id;
    private final Kind kind;
    private final String body;
    private final Location location;

    private ResultNode(int id, Kind kind, String body, Location location) {
        this.id = id;
        this.kind = kind;
        this.body = body;
        this.location = location;
    }

    /**
     * The typed node for a block or tag.
     *
     * @param id       unique within its lesson, in order of appearance (a chart's picture is named by it)
     * @param body     the fence's YAML, or the tag's arguments
     * @param location the body's first line, or the tag's line and column
     * @throws InputException when the spec does not parse, naming its line
     */
    public static ResultNode of(int id, Kind kind, String body, Location location) {
        return switch (kind) {
            case CHART -> new Chart(id, body, location, ChartSpec.parse("chart", body, location));
            case RESULTS -> new Table(id, body, location, ChartSpec.parse("results", body, location));
            case VALUE -> new Measured(id, body, location, MeasuredValue.parse(body, location));
            case COMPARE -> new Compare(id, body, location, CompareTag.parse(body, location));
        };
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The body as written: YAML for a fence, the arguments for a tag. */
    public String body() {
        return body;
    }

    public Location location() {
        return location;
    }

    /** The benchmarks the node names, each once. */
    public abstract java.util.List<String> benchmarks();

    /** The machine the node names for itself (a comparison's first side's), if any. */
    public abstract java.util.Optional<String> machine();

    @Override
    public BasedSequence[] getSegments() {
        return BasedSequence.EMPTY_SEGMENTS;
    }

    /** A fence whose YAML body is a {@link ChartSpec}: a chart or a table. */
    public abstract static sealed class Fence extends ResultNode permits Chart, Table {
        private final ChartSpec spec;

        private Fence(int id, Kind kind, String body, Location location, ChartSpec spec) {
            super(id, kind, body, location);
            this.spec = spec;
        }

        public ChartSpec spec() {
            return spec;
        }

        @Override
        public java.util.List<String> benchmarks() {
            return java.util.List.of(spec.benchmark());
        }

        @Override
        public java.util.Optional<String> machine() {
            return spec.machine();
        }
    }

    /** A ```chart fence. */
    public static final class Chart extends Fence {
        private Chart(int id, String body, Location location, ChartSpec spec) {
            super(id, Kind.CHART, body, location, spec);
        }
    }

    /** A ```results fence: a table. */
    public static final class Table extends Fence {
        private Table(int id, String body, Location location, ChartSpec spec) {
            super(id, Kind.RESULTS, body, location, spec);
        }
    }

    /** A {@code {% measured … %}} tag. */
    public static final class Measured extends ResultNode {
        private final MeasuredValue value;

        private Measured(int id, String body, Location location, MeasuredValue value) {
            super(id, Kind.VALUE, body, location);
            this.value = value;
        }

        public MeasuredValue value() {
            return value;
        }

        @Override
        public java.util.List<String> benchmarks() {
            return java.util.List.of(value.selection().benchmark());
        }

        @Override
        public java.util.Optional<String> machine() {
            return value.machine();
        }
    }

    /** A {@code {% compare … %}} tag. */
    public static final class Compare extends ResultNode {
        private final CompareTag tag;

        private Compare(int id, String body, Location location, CompareTag tag) {
            super(id, Kind.COMPARE, body, location);
            this.tag = tag;
        }

        public CompareTag tag() {
            return tag;
        }

        @Override
        public java.util.List<String> benchmarks() {
            return java.util.stream.Stream.of(
                            tag.first().selection().benchmark(),
                            tag.second().selection().benchmark())
                    .distinct()
                    .toList();
        }

        @Override
        public java.util.Optional<String> machine() {
            return tag.first().machine();
        }
    }
}
