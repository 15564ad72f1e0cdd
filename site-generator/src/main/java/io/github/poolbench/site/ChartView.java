package io.github.poolbench.site;

import java.util.List;

/**
 * A resolved chart as templates see it.
 *
 * @param id      an anchor for links, unique within its page
 * @param picture its PNGs: light and dark, wide and narrow
 * @param table   the data behind the chart
 * @param notes   how the ideal was found, and what the chart leaves out
 */
public record ChartView(String id, String title, Picture picture, TableView table, List<String> notes) {

    public ChartView {
        notes = List.copyOf(notes);
    }
}
