package io.github.poolbench.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultsLoader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChartRendererTest {

    private static final ChartRenderer RENDERER = new ChartRenderer();

    /** A chart of every kind the site draws: each mode, the categorical fallback, both y transforms. */
    static Stream<Arguments> charts() {
        ResultRun labA = ResultsLoader.load(Fixtures.fixture("modes-results"))
                .latest("lab-a")
                .orElseThrow();
        ResultRun foreign =
                ResultsLoader.load(Fixtures.fixture("foreign-results")).runs().getFirst();
        Location at = Location.of(Path.of("lesson.md"), 1);
        Stream<Arguments> lessons = Stream.of(
                        "benchmark: SleepBenchmark.map\nx: poolSize\nseries: pool\n",
                        "benchmark: SquareBenchmark.map\nx: poolSize\nseries: pool\ny: speedup\nideal: cpu\n",
                        "benchmark: PrimesBenchmark.map\nx: poolSize\ny: efficiency\nideal: cpu\n",
                        "benchmark: FetchBenchmark.map\nx: poolSize\n")
                .map(yaml -> Arguments.of(
                        yaml.lines().findFirst().orElseThrow(), ChartQuery.select(ChartSpec.parse(yaml, at), labA)));
        Stream<Arguments> auto = AutoCharts.plan(foreign.results()).stream()
                .map(plan -> Arguments.of(
                        plan.title(),
                        plan.data(foreign.results(), foreign.machineInfo().cores(), at)));
        return Stream.concat(lessons, auto);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void drawsATwiceSizedPictureThatIsNotBlank(String name, ChartData data) throws IOException {
        for (Theme theme : Theme.ALL) {
            byte[] png = RENDERER.render(data, theme);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

            assertEquals(2 * ChartRenderer.WIDTH, image.getWidth());
            assertEquals(2 * ChartRenderer.HEIGHT, image.getHeight());
            int background = theme.background().getRGB();
            long ink = 0;
            for (int y = 0; y < image.getHeight(); y += 2) {
                for (int x = 0; x < image.getWidth(); x += 2) {
                    ink += image.getRGB(x, y) == background ? 0 : 1;
                }
            }
            long sampled = (long) image.getWidth() * image.getHeight() / 4;
            assertTrue(ink > sampled / 100, theme.name() + ": only " + ink + " of " + sampled + " pixels drawn");
            assertTrue(
                    ink < sampled / 2,
                    theme.name() + ": " + ink + " of " + sampled + " pixels drawn: not the background?");
            assertTrue(colours(image) >= 3 + data.series().size(), "series have colours of their own");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void equalDataGivesEqualBytesWithoutATimeChunk(String name, ChartData data) {
        byte[] first = RENDERER.render(data, Theme.LIGHT);
        byte[] second = RENDERER.render(data, Theme.LIGHT);

        assertArrayEquals(first, second);
        String chunks = new String(first, StandardCharsets.ISO_8859_1);
        assertFalse(chunks.contains("tIME") || chunks.contains("tEXt"), "no time or text chunk");
        assertFalse(java.util.Arrays.equals(first, RENDERER.render(data, Theme.DARK)), "the dark variant differs");
    }

    /** Three runs, the last a regression: the trend page's drawing, in the same themes as every chart. */
    private static final TrendData TREND = new TrendData(
            "SleepBenchmark.map (poolSize=4)",
            "ss (ms, lower is better)",
            List.of("1111111", "2222222", "3333333"),
            List.of(
                    new TrendData.Point(0, 300, 299, 301, 0, TrendData.Mark.NONE),
                    new TrendData.Point(1, 301.5, 300.5, 302.5, 0, TrendData.Mark.NONE),
                    new TrendData.Point(2, 330, 328, 332, 0, TrendData.Mark.REGRESSION)),
            List.of());

    @Test
    void aTrendDrawsInBothThemesAndMarksTheRegressionInTheThemesColour() throws IOException {
        for (Theme theme : Theme.ALL) {
            byte[] png = RENDERER.render(TREND, theme);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));

            assertEquals(2 * ChartRenderer.WIDTH, image.getWidth());
            assertEquals(theme.background().getRGB(), image.getRGB(1, 1), theme.name() + ": the theme's background");
            assertTrue(pixels(image, theme.worse().getRGB()) > 0, theme.name() + ": the regression is marked");
            assertEquals(0, pixels(image, theme.better().getRGB()), theme.name() + ": no improvement to mark");
            assertArrayEquals(png, RENDERER.render(TREND, theme), "equal data, equal bytes");
        }
        assertFalse(java.util.Arrays.equals(RENDERER.render(TREND, Theme.LIGHT), RENDERER.render(TREND, Theme.DARK)));
    }

    @Test
    void aTrendsCacheKeyChangesWithItsVerdicts() {
        TrendData improved = new TrendData(
                TREND.title(),
                TREND.yLabel(),
                TREND.runs(),
                List.of(
                        TREND.points().get(0),
                        TREND.points().get(1),
                        new TrendData.Point(2, 330, 328, 332, 0, TrendData.Mark.IMPROVEMENT)),
                List.of());
        TrendData newHardware = new TrendData(TREND.title(), TREND.yLabel(), TREND.runs(), TREND.points(), List.of(2));

        assertFalse(ChartCache.key(TREND, Theme.LIGHT, ChartRenderer.Size.WIDE)
                .equals(ChartCache.key(improved, Theme.LIGHT, ChartRenderer.Size.WIDE)));
        assertFalse(ChartCache.key(TREND, Theme.LIGHT, ChartRenderer.Size.WIDE)
                .equals(ChartCache.key(newHardware, Theme.LIGHT, ChartRenderer.Size.WIDE)));
    }

    @Test
    void anExpectedChangeIsMarkedInItsOwnColourNotAsARegression() throws IOException {
        TrendData expected = new TrendData(
                TREND.title(),
                TREND.yLabel(),
                TREND.runs(),
                List.of(
                        TREND.points().get(0),
                        new TrendData.Point(1, 301.5, 300.5, 302.5, 1, TrendData.Mark.NONE),
                        new TrendData.Point(2, 330, 328, 332, 1, TrendData.Mark.EXPECTED)),
                List.of(1));
        for (Theme theme : Theme.ALL) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(RENDERER.render(expected, theme)));

            assertTrue(pixels(image, theme.expected().getRGB()) > 0, theme.name() + ": the expected change is marked");
            assertEquals(0, pixels(image, theme.worse().getRGB()), theme.name() + ": and not as a regression");
        }
    }

    private static long pixels(BufferedImage image, int rgb) {
        return java.util.stream.IntStream.range(0, image.getHeight())
                .flatMap(y ->
                        java.util.stream.IntStream.range(0, image.getWidth()).map(x -> image.getRGB(x, y)))
                .filter(pixel -> pixel == rgb)
                .count();
    }

    private static long colours(BufferedImage image) {
        return java.util.stream.IntStream.range(0, image.getHeight() / 4)
                .flatMap(y -> java.util.stream.IntStream.range(0, image.getWidth() / 4)
                        .map(x -> image.getRGB(x * 4, y * 4)))
                .distinct()
                .count();
    }
}
