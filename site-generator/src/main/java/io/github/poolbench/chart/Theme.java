package io.github.poolbench.chart;

import java.awt.Color;
import java.util.List;

/**
 * The colours of a chart. Series use the Okabe–Ito palette, which stays distinct under the common
 * forms of colour blindness; shapes and dashes differ too, so no reader depends on colour alone.
 *
 * @param suffix added to the PNG's name, e.g. {@code -dark}
 * @param worse  a trend's marks of a change for the worse; the trend page's verdict colours
 * @param better a trend's marks of a change for the better
 * @param expected a trend's marks of a change the repository says was expected
 */
public record Theme(
        String name,
        String suffix,
        Color background,
        Color text,
        Color grid,
        Color guide,
        List<Color> series,
        Color worse,
        Color better,
        Color expected) {

    public Theme {
        series = List.copyOf(series);
    }

    /** Matches the site's light background. */
    public static final Theme LIGHT = new Theme(
            "light",
            "",
            new Color(0xFDFDFC),
            new Color(0x1D1D1F),
            new Color(0xE3E3E0),
            new Color(0x6B6F75),
            List.of(
                    new Color(0x0072B2),
                    new Color(0xD55E00),
                    new Color(0x009E73),
                    new Color(0xCC79A7),
                    new Color(0xE69F00),
                    new Color(0x56B4E9),
                    new Color(0x000000)),
            new Color(0xC62828),
            new Color(0x2E7D32),
            new Color(0x6A3D9A));

    /** Matches the site's dark background; the palette's dark blue and black give way to lighter tones. */
    public static final Theme DARK = new Theme(
            "dark",
            "-dark",
            new Color(0x16181B),
            new Color(0xE8E8E6),
            new Color(0x2E3236),
            new Color(0xA0A4A8),
            List.of(
                    new Color(0x56B4E9),
                    new Color(0xE69F00),
                    new Color(0x009E73),
                    new Color(0xCC79A7),
                    new Color(0xD55E00),
                    new Color(0xF0E442),
                    new Color(0xFFFFFF)),
            new Color(0xFF8A80),
            new Color(0x9CCC65),
            new Color(0xCAB2D6));

    public static final List<Theme> ALL = List.of(LIGHT, DARK);

    public Color seriesColor(int index) {
        return series.get(index % series.size());
    }
}
