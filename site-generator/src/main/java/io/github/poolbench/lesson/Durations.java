package io.github.poolbench.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GTN's {@code time_estimation} ({@code 30M}, {@code 1H30M}, ISO 8601 without or with {@code PT}) in words. */
public final class Durations {

    private static final Pattern DURATION =
            Pattern.compile("(?i)^P?T?(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?$");

    private Durations() {}

    /** {@code 1H30M} → {@code 1 hour 30 minutes}; empty when the text is no duration. */
    public static String humanize(String duration) {
        Matcher m = DURATION.matcher(duration.strip());
        if (duration.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null && m.group(3) == null)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        add(parts, m.group(1), "hour");
        add(parts, m.group(2), "minute");
        add(parts, m.group(3), "second");
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, String count, String unit) {
        if (count != null) {
            parts.add(count + " " + unit + (count.equals("1") ? "" : "s"));
        }
    }
}
