package io.github.poolbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The way back to the site's root: one {@code ../} per folder a page lies in. */
class PageRootTest {

    @Test
    void aPageAtTheRootNeedsNoWayBack() {
        assertEquals("", PageRoot.of("index.html"));
    }

    @Test
    void eachFolderAddsOneStepBack() {
        assertEquals("../../", PageRoot.of("lessons/threads/intro.html"));
    }
}
