package io.github.poolbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartSpecTest {

    private static final Location BLOCK = Location.of(Path.of("lesson.md"), 10);

    @Test
    void readsEveryKey() {
        ChartSpec spec = ChartSpec.parse(
                "benchmark: SleepBenchmark.map\nx: poolSize\nseries: pool\nwhere: {tasks: 12}\n"
                        + "mode: ss\ny: speedup\nideal: waiting\nmachine: lab-a\ntitle: Naps\n",
                BLOCK);

        assertEquals("SleepBenchmark.map", spec.benchmark());
        assertEquals(Optional.of("poolSize"), spec.x());
        assertEquals(Optional.of("pool"), spec.series());
        assertEquals(Map.of("tasks", "12"), spec.selection().where());
        assertEquals(Optional.of("ss"), spec.selection().mode());
        assertEquals(ChartSpec.YAxis.SPEEDUP, spec.y());
        assertEquals(ChartSpec.Ideal.WAITING, spec.ideal());
        assertEquals(Optional.of("lab-a"), spec.machine());
        assertEquals(Optional.of("Naps"), spec.title());
    }

    @Test
    void aResultsTableNeedsNoX() {
        ChartSpec spec = ChartSpec.parse("results", "benchmark: PrimesBenchmark.map\n", BLOCK);

        assertEquals(Optional.empty(), spec.x());
        assertEquals(ChartSpec.Ideal.AUTO, spec.ideal());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "chart   | 'benchmark: A.b\\nx: n\\ncolour: red'     | 12 | unknown chart key 'colour' (known: benchmark, ideal, machine, mode, series, title, where, x, y)",
                "results | 'benchmark: A.b\\ny: speedup'             | 11 | unknown results key 'y' (known: benchmark, machine, mode, series, title, where, x)",
                "chart   | 'benchmark: A.b'                         | 10 | chart block is missing 'x:'",
                "results | 'x: n'                                   | 10 | results block is missing 'benchmark:'",
                "chart   | 'benchmark: A.b\\nx: n\\ny: fast'          | 12 | unknown y 'fast' (choose time, speedup or efficiency)",
                "chart   | 'benchmark: A.b\\nx: n\\nideal: auto'      | 12 | unknown ideal 'auto' (choose waiting, cpu or none)",
                "chart   | 'benchmark: A.b\\nx: n\\nwhere: [1, 2]'    | 12 | 'where' must map param names to values",
                "chart   | 'benchmark: A.b\\nx: [n]'                 | 11 | 'x' must be a single value",
                "chart   | 'benchmark: A.b\\n  x: : n'               | 11 | bad chart YAML",
                "chart   | '- just a list'                          | 10 | a chart block needs YAML keys",
            })
    void badBlocksNameTheLineAndWhatIsAllowed(String kind, String yaml, int line, String message) {
        InputException error =
                assertThrows(InputException.class, () -> ChartSpec.parse(kind, yaml.replace("\\n", "\n"), BLOCK));

        String text = error.errors().getFirst().toString();
        assertEquals("lesson.md:" + line, text.substring(0, text.indexOf(": error")));
        assertEquals(true, text.contains(message), text);
    }
}
