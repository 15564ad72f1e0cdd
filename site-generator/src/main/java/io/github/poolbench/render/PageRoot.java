package io.github.poolbench.render;

/** The way back from a page to the site's root, as every template's {@code root} and every relative link needs it. */
public final class PageRoot {

    private PageRoot() {}

    /**
     * {@code ../} once per folder a page lies in: {@code ../../} for {@code lessons/threads/intro.html},
     * empty for {@code index.html}.
     *
     * @param page the page's path below the site root, with {@code /} between folders
     */
    public static String of(String page) {
        return "../".repeat((int) page.chars().filter(c -> c == '/').count());
    }
}
