package io.github.poolbench.site;

import io.github.poolbench.chart.ChartPainter;
import io.github.poolbench.chart.ChartRenderer;
import io.github.poolbench.chart.Theme;
import java.nio.file.Path;

/**
 * A chart's four PNGs as a page serves them: light or dark by {@code prefers-color-scheme}, wide
 * or narrow by the screen's width ({@code partials/picture.ftlh}).
 *
 * @param src           the wide light PNG, relative to the page
 * @param darkSrc       the wide dark PNG
 * @param narrowSrc     the light PNG drawn for narrow screens, whose text stays legible there
 * @param narrowDarkSrc its dark variant
 * @param alt           a description of the data, for readers who cannot see the chart
 */
public record Picture(
        String src,
        String darkSrc,
        String narrowSrc,
        String narrowDarkSrc,
        String alt,
        int width,
        int height,
        int narrowWidth,
        int narrowHeight) {

    /** The variants the painter draws of {@code png} (a path under the site root), as seen from a page at {@code root}. */
    static Picture of(String png, String root, String alt) {
        ChartRenderer.Size wide = ChartRenderer.Size.WIDE;
        ChartRenderer.Size narrow = ChartRenderer.Size.NARROW;
        return new Picture(
                root + png,
                root + href(png, Theme.DARK, wide),
                root + href(png, Theme.LIGHT, narrow),
                root + href(png, Theme.DARK, narrow),
                alt,
                wide.width(),
                wide.height(),
                narrow.width(),
                narrow.height());
    }

    private static String href(String png, Theme theme, ChartRenderer.Size size) {
        return ChartPainter.variant(Path.of(png), theme, size).toString().replace('\\', '/');
    }

    /** The media query under which the narrow variant is served. */
    public String narrowMedia() {
        return ChartRenderer.Size.NARROW_MEDIA;
    }
}
