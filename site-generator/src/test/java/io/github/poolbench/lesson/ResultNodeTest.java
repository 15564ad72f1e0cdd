package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Result blocks and tags become typed nodes with their specs parsed, or an error at their place. */
class ResultNodeTest {

    private static final Location AT = new Location(Path.of("lesson.md"), 7, 12);

    @Test
    void eachKindHoldsItsParsedSpec() {
        ResultNode.Chart chart = (ResultNode.Chart)
                ResultNode.of(1, ResultNode.Kind.CHART, "benchmark: SleepBenchmark.map\nx: poolSize\n", AT);
        ResultNode.Table table = (ResultNode.Table)
                ResultNode.of(2, ResultNode.Kind.RESULTS, "benchmark: PrimesBenchmark.map\nmachine: lab-b\n", AT);
        ResultNode.Measured value = (ResultNode.Measured)
                ResultNode.of(3, ResultNode.Kind.VALUE, "SleepBenchmark.map poolSize=4 show=speedup", AT);
        ResultNode.Compare compare = (ResultNode.Compare) ResultNode.of(
                4, ResultNode.Kind.COMPARE, "SleepBenchmark.map pool=THREAD vs pool=VIRTUAL expect=same", AT);

        assertEquals(Optional.of("poolSize"), chart.spec().x());
        assertEquals(Optional.of("lab-b"), table.machine());
        assertEquals(MeasuredValue.Show.SPEEDUP, value.value().show());
        assertEquals(List.of("SleepBenchmark.map"), compare.benchmarks(), "one benchmark, named once");
        assertEquals(List.of(1, 2, 3, 4), List.of(chart.id(), table.id(), value.id(), compare.id()));
    }

    @Test
    void aComparisonOfTwoBenchmarksNamesBoth() {
        ResultNode node = ResultNode.of(
                1,
                ResultNode.Kind.COMPARE,
                "PrimesBenchmark.map poolSize=2 vs PrimesBenchmark.sequential expect=faster",
                AT);

        assertEquals(List.of("PrimesBenchmark.map", "PrimesBenchmark.sequential"), node.benchmarks());
    }

    @Test
    void aTagThatDoesNotParseIsAnErrorAtItsLineAndColumn() {
        InputException error =
                assertThrows(InputException.class, () -> ResultNode.of(1, ResultNode.Kind.VALUE, "poolSize=4", AT));

        assertEquals(
                List.of("lesson.md:7:12: error: measured needs a benchmark first, e.g. "
                        + "{% measured SleepBenchmark.map poolSize=4 %}"),
                error.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aChartKeyThatDoesNotExistIsAnErrorAtItsLine() {
        InputException error = assertThrows(
                InputException.class,
                () -> ResultNode.of(
                        1,
                        ResultNode.Kind.CHART,
                        "benchmark: X\nx: poolSize\ncolour: red\n",
                        Location.of(Path.of("lesson.md"), 4)));

        assertEquals(
                List.of(
                        "lesson.md:6: error: unknown chart key 'colour' (known: benchmark, ideal, machine, mode, series, "
                                + "title, where, x, y)"),
                error.errors().stream().map(Diagnostic::toString).toList());
    }
}
