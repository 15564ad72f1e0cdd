package io.github.poolbench.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.Fixtures;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoChartsTest {

    private static List<AutoCharts.ChartPlan> foreign() {
        ResultRun run =
                ResultsLoader.load(Fixtures.fixture("foreign-results")).runs().getFirst();
        return AutoCharts.plan(run.results());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ListBenchmark.iterate (thrpt)  | size    | impl | 6",
                "FlagBenchmark.check (avgt)     | enabled |      | 2",
                "HashBenchmark (avgt)           |         |      | 2",
            })
    void choosesANumericXAndANamedSeries(String title, String x, String series, int points) {
        AutoCharts.ChartPlan plan = foreign().stream()
                .filter(p -> p.title().equals(title))
                .findFirst()
                .orElseThrow();

        assertEquals(Optional.ofNullable(x), plan.x());
        assertEquals(Optional.ofNullable(series), plan.series());
        assertEquals(points, plan.entries().size());
    }

    @Test
    void everyResultOfAnyFileIsChartedOnce() {
        ResultRun run = ResultsLoader.load(Fixtures.fixture("modes-results"))
                .latest("lab-a")
                .orElseThrow();
        List<AutoCharts.ChartPlan> plans = AutoCharts.plan(run.results());

        Set<BenchmarkResult> charted = new HashSet<>();
        plans.forEach(plan -> plan.results().forEach(charted::add));
        long baselines =
                run.results().stream().filter(Baselines::isBaselineByParam).count();
        assertEquals(run.results().size() - baselines, charted.size(), "all but the pool=SEQUENTIAL baselines");
        assertEquals(
                plans.stream()
                        .map(AutoCharts.ChartPlan::results)
                        .mapToInt(List::size)
                        .sum(),
                charted.size(),
                "none twice");
    }

    @Test
    void poolSizeIsXAndPoolTheSeriesWhenPresent() {
        ResultRun run = ResultsLoader.load(Fixtures.fixture("modes-results"))
                .latest("lab-a")
                .orElseThrow();
        AutoCharts.ChartPlan sleep = AutoCharts.plan(run.results()).stream()
                .filter(p -> p.benchmark().endsWith("SleepBenchmark.map"))
                .findFirst()
                .orElseThrow();

        assertEquals(Optional.of("poolSize"), sleep.x());
        assertEquals(Optional.of("pool"), sleep.series());
    }
}
