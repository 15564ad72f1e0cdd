package io.github.poolbench.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The boxes of GTN tutorials: {@code > <TYPE-title>…</TYPE-title>} … {@code {: .TYPE}}. */
enum BoxType {
    QUESTION("question", "Question", false),
    SOLUTION("solution", "Solution", true),
    HANDS_ON("hands-on", "Hands-on", false),
    TIP("tip", "Tip", true),
    COMMENT("comment", "Comment", false),
    DETAILS("details", "Details", true),
    WARNING("warning", "Warning", false),
    AGENDA("agenda", "Agenda", false),
    CODE_IN("code-in", "Input", false),
    CODE_OUT("code-out", "Output", false);

    /** The CSS class and icon name; GTN spells hands-on both ways, this is the one the site uses. */
    final String css;

    final String label;
    /** Starts closed and opens on demand (a {@code <details>}), as GTN folds these. */
    final boolean collapsible;

    BoxType(String css, String label, boolean collapsible) {
        this.css = css;
        this.label = label;
        this.collapsible = collapsible;
    }

    /** The type a class name or title tag names, e.g. {@code hands_on}, {@code hands-on}, {@code tip}. */
    static Optional<BoxType> of(String name) {
        String normal = name.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(type -> type.css.equals(normal)).findFirst();
    }

    static String known() {
        return Arrays.stream(values()).map(type -> type.css).collect(Collectors.joining(", "));
    }
}
