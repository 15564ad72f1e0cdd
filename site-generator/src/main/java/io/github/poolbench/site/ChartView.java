package io.github.poolbench.site;

import java.util.List;

/**
 * A resolved chart as templates see it.
 *
 * @param id      an anchor for links, unique within its page
 * @param src     the light PNG, relative to the page
 * @param darkSrc the dark PNG, served to readers who prefer a dark scheme
 * @param narrowSrc     the light PNG drawn for narrow screens, whose text stays legible there
 * @param narrowDarkSrc its dark variant
 * @param alt     a description of the data, for readers who cannot see the chart
 * @param table   the data behind the chart
 * @param notes   how the ideal was found, and what the chart leaves out
 */
public record ChartView(String id, String title, String src, String darkSrc, String narrowSrc, String narrowDarkSrc,
                        String alt, int width, int height, int narrowWidth, int narrowHeight, TableView table,
                        List<String> notes) {

    /** The media query under which the narrow variant is served. */
    public String narrowMedia() {
        return io.github.poolbench.chart.ChartRenderer.Size.NARROW_MEDIA;
    }

    public ChartView {
        notes = List.copyOf(notes);
    }
}
