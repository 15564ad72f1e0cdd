package io.github.poolbench.lesson;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The ids of one page: slugs as kramdown makes them ({@code Pools & Parallelism} →
 * {@code pools--parallelism} becomes {@code pools-parallelism} here), made unique with {@code -1},
 * {@code -2}, … so links to a heading or box never hit the wrong one.
 */
final class Ids {

    private final Set<String> used = new HashSet<>();

    /** Ids the page template uses itself, so the lesson text cannot take them. */
    Ids(Set<String> reserved) {
        used.addAll(reserved);
    }

    String unique(String base) {
        String id = base.isEmpty() ? "section" : base;
        String candidate = id;
        for (int n = 1; !used.add(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** Claims an id the author chose; a second claim gets a suffix like any other. */
    String claim(String id) {
        return unique(id);
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]+", "")
                .strip()
                .replaceAll("[\\s-]+", "-")
                .replaceAll("^-|-$", "");
    }
}
