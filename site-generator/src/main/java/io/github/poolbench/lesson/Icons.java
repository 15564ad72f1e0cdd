package io.github.poolbench.lesson;

import java.util.Map;

/**
 * Small stroke icons drawn inline as SVG, so pages need no icon font or request. Names follow
 * GTN's {@code {% icon name %}} where they overlap.
 */
public final class Icons {

    private static final String HELP =
            "<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M9.1 9a3 3 0 0 1 5.8 1c0 2-3 3-3 3\"/><path d=\"M12 17h.01\"/>";
    private static final String EYE =
            "<path d=\"M1 12s4-8 11-8 11 8 11 8-4 8-11 8-11-8-11-8z\"/><circle cx=\"12\" cy=\"12\" r=\"3\"/>";
    private static final String PENCIL = "<path d=\"M17 3a2.8 2.8 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5L17 3z\"/>";
    private static final String BULB =
            "<path d=\"M9 18h6\"/><path d=\"M10 22h4\"/><path d=\"M15.1 14c.2-1 .7-1.7 1.4-2.5A4.7 4.7 0 0 0 18 8 6 6 0 0 0 6 8c0 1 .2 2.2 1.5 3.5.7.7 1.3 1.5 1.4 2.5\"/>";
    private static final String MESSAGE = "<path d=\"M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z\"/>";
    private static final String INFO =
            "<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M12 16v-4\"/><path d=\"M12 8h.01\"/>";
    private static final String ALERT =
            "<path d=\"M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z\"/><path d=\"M12 9v4\"/><path d=\"M12 17h.01\"/>";
    private static final String TERMINAL = "<path d=\"m4 17 6-6-6-6\"/><path d=\"M12 19h8\"/>";
    private static final String MONITOR =
            "<rect x=\"2\" y=\"3\" width=\"20\" height=\"14\" rx=\"2\"/><path d=\"M8 21h8\"/><path d=\"M12 17v4\"/>";
    private static final String LIST =
            "<path d=\"M8 6h13\"/><path d=\"M8 12h13\"/><path d=\"M8 18h13\"/><path d=\"M3 6h.01\"/><path d=\"M3 12h.01\"/><path d=\"M3 18h.01\"/>";
    private static final String CLOCK = "<circle cx=\"12\" cy=\"12\" r=\"10\"/><path d=\"M12 6v6l4 2\"/>";
    private static final String TARGET =
            "<circle cx=\"12\" cy=\"12\" r=\"10\"/><circle cx=\"12\" cy=\"12\" r=\"6\"/><circle cx=\"12\" cy=\"12\" r=\"2\"/>";
    private static final String KEY =
            "<circle cx=\"7.5\" cy=\"15.5\" r=\"5.5\"/><path d=\"m21 2-9.6 9.6\"/><path d=\"m15.5 7.5 3 3L22 7l-3-3\"/>";
    private static final String BOOK =
            "<path d=\"M4 19.5A2.5 2.5 0 0 1 6.5 17H20\"/><path d=\"M6.5 2H20v20H6.5A2.5 2.5 0 0 1 4 19.5v-15A2.5 2.5 0 0 1 6.5 2z\"/>";
    private static final String BARS = "<path d=\"M18 20V10\"/><path d=\"M12 20V4\"/><path d=\"M6 20v-6\"/>";
    private static final String USERS =
            "<path d=\"M17 21v-2a4 4 0 0 0-4-4H5a4 4 0 0 0-4 4v2\"/><circle cx=\"9\" cy=\"7\" r=\"4\"/><path d=\"M23 21v-2a4 4 0 0 0-3-3.9\"/><path d=\"M16 3.1a4 4 0 0 1 0 7.8\"/>";
    private static final String CHECK = "<path d=\"M22 11.1V12a10 10 0 1 1-5.9-9.1\"/><path d=\"M22 4 12 14 9 11\"/>";
    private static final String ARROW = "<path d=\"M5 12h14\"/><path d=\"m12 5 7 7-7 7\"/>";
    private static final String TAG =
            "<path d=\"M20.6 13.4 13.4 20.6a2 2 0 0 1-2.8 0L2 12V2h10l8.6 8.6a2 2 0 0 1 0 2.8z\"/><path d=\"M7 7h.01\"/>";

    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("question", HELP),
            Map.entry("solution", EYE),
            Map.entry("galaxy-eye", EYE),
            Map.entry("hands-on", PENCIL),
            Map.entry("hands_on", PENCIL),
            Map.entry("tip", BULB),
            Map.entry("comment", MESSAGE),
            Map.entry("feedback", MESSAGE),
            Map.entry("details", INFO),
            Map.entry("warning", ALERT),
            Map.entry("code-in", TERMINAL),
            Map.entry("code-out", MONITOR),
            Map.entry("agenda", LIST),
            Map.entry("time", CLOCK),
            Map.entry("objectives", TARGET),
            Map.entry("key-points", KEY),
            Map.entry("requirements", BOOK),
            Map.entry("level", BARS),
            Map.entry("contributors", USERS),
            Map.entry("check", CHECK),
            Map.entry("follow-up", ARROW),
            Map.entry("tags", TAG),
            Map.entry("glossary", BOOK));

    private Icons() {}

    /** The icon as a decorative inline SVG, or an empty string for a name without one. */
    public static String svg(String name) {
        String shape = SHAPES.get(name);
        if (shape == null) {
            return "";
        }
        return "<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\" focusable=\"false\" "
                + "fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\">"
                + shape + "</svg>";
    }

    /** {@code {% icon name %}} in running text: the icon, or the name as a small label when there is no icon. */
    static String inline(String name) {
        String svg = svg(name);
        if (!svg.isEmpty()) {
            return "<span class=\"icon-inline\">" + svg + "</span>";
        }
        return "<span class=\"icon-label\">"
                + Html.escape(name.replace('_', ' ').replace('-', ' ')) + "</span>";
    }
}
