package io.github.poolbench.site;

import io.github.poolbench.chart.ChartData;
import io.github.poolbench.chart.ChartSpec;
import io.github.poolbench.presentation.Quantities;
import io.github.poolbench.results.Units;
import java.util.Comparator;
import java.util.List;

/**
 * Describes a chart in words from its data: what it plots, the extremes and each line's trend, so a
 * reader who cannot see the picture gets what it shows, not only its title.
 */
final class AltText {

    /** Lines whose ends differ by less than this share are called flat. */
    private static final double FLAT = 0.05;

    private AltText() {}

    static String describe(ChartData data) {
        StringBuilder alt = new StringBuilder(data.title()).append(". ");
        List<String> names = data.series().stream().map(ChartData.Series::name).toList();
        if (data.categorical()) {
            alt.append("Dot chart of ")
                    .append(data.yLabel())
                    .append(data.logY() ? " (log scale)" : "")
                    .append(" for each ")
                    .append(data.xLabel());
        } else {
            List<Double> xs = data.series().stream()
                    .flatMap(s -> s.points().stream())
                    .map(ChartData.Point::x)
                    .sorted()
                    .toList();
            alt.append("Line chart of ")
                    .append(data.yLabel())
                    .append(data.logY() ? " (log scale)" : "")
                    .append(" against ")
                    .append(data.xLabel())
                    .append(" from ")
                    .append(number(xs.getFirst()))
                    .append(" to ")
                    .append(number(xs.getLast()))
                    .append(data.logX() ? " (log scale)" : "");
        }
        alt.append(names.size() == 1 ? ", one series: " : ", one series per value: ")
                .append(String.join(", ", names))
                .append(". ");
        List<Labelled> points = data.series().stream()
                .flatMap(s -> s.points().stream().map(p -> new Labelled(s.name(), p)))
                .toList();
        Labelled low = points.stream()
                .min(Comparator.comparingDouble(l -> l.point().y()))
                .orElseThrow();
        Labelled high = points.stream()
                .max(Comparator.comparingDouble(l -> l.point().y()))
                .orElseThrow();
        alt.append("Lowest: ")
                .append(at(low, data))
                .append(". Highest: ")
                .append(at(high, data))
                .append(". ");
        if (!data.categorical()) {
            for (ChartData.Series line : data.series()) {
                if (line.points().size() > 1) {
                    alt.append(trend(line, data)).append(". ");
                }
            }
        }
        data.ideal()
                .ifPresent(ideal -> alt.append("A grey dashed line shows the ideal, ")
                        .append(value(ideal.points().getFirst().y(), data))
                        .append(" at ")
                        .append(data.xLabel())
                        .append(' ')
                        .append(ideal.points().getFirst().xText())
                        .append(" to ")
                        .append(value(ideal.points().getLast().y(), data))
                        .append(" at ")
                        .append(ideal.points().getLast().xText())
                        .append(". "));
        data.baseline()
                .ifPresent(base -> alt.append("A dotted line marks the sequential baseline at ")
                        .append(value(base.y(), data))
                        .append(". "));
        data.cores()
                .ifPresent(cores -> alt.append("A vertical mark shows the machine's ")
                        .append(cores)
                        .append(" cores. "));
        alt.append("Error bars show 99.9 % confidence intervals.");
        return alt.toString();
    }

    private record Labelled(String series, ChartData.Point point) {}

    private static String at(Labelled labelled, ChartData data) {
        return labelled.series() + " at " + data.xLabel() + " "
                + labelled.point().xText() + ", " + value(labelled.point().y(), data);
    }

    private static String trend(ChartData.Series line, ChartData data) {
        ChartData.Point first = line.points().getFirst();
        ChartData.Point last = line.points().getLast();
        double change = (last.y() - first.y()) / Math.abs(first.y());
        String span = " from " + value(first.y(), data) + " at " + first.xText() + " to " + value(last.y(), data)
                + " at " + last.xText();
        if (Math.abs(change) < FLAT) {
            return line.name() + " stays flat," + span;
        }
        return line.name() + (change < 0 ? " falls" : " rises") + span;
    }

    private static String value(double y, ChartData data) {
        if (data.y() == ChartSpec.YAxis.TIME) {
            return Quantities.significant(y, 4) + " " + Units.spoken(data.unit());
        }
        String number = Quantities.significant(y, 3);
        return data.y() == ChartSpec.YAxis.SPEEDUP ? number + "×" : number;
    }

    private static String number(double x) {
        return Quantities.significant(x, 4);
    }
}
