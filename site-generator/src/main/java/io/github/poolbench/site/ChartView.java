package io.github.poolbench.site;

import java.util.List;

/**
 * A resolved chart as templates see it.
 *
 * @param id      an anchor for links, unique within its page
 * @param src     the light PNG, relative to the page
 * @param darkSrc the dark PNG, served to readers who prefer a dark scheme
 * @param alt     a description of the data, for readers who cannot see the chart
 * @param table   the data behind the chart
 * @param notes   how the ideal was found, and what the chart leaves out
 */
public record ChartView(String id, String title, String src, String darkSrc, String alt, int width, int height,
                        TableView table, List<String> notes) {

    public ChartView {
        notes = List.copyOf(notes);
    }
}
