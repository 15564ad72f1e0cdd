package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown's own checks and renderers: links, images, attribute lists that flexmark renders, tables. */
class MarkdownTest {

    @TempDir
    Path folder;

    @Test
    void aLinkTheUrlPolicyRefusesIsWarnedAboutAndLosesItsTarget() {
        assertEquals(
                new RenderedBody(
                        "<p><a>click</a></p>\n",
                        List.of("1: warning: dropped the link to \"javascript:alert(3)\": "
                                + "links may be relative or use http, https or mailto")),
                RenderedBody.of(folder, "[click](javascript:alert(3))\n"));
    }

    @Test
    void anImageThatIsNotBesideTheLessonIsNamedWithWhereItWasLookedFor() {
        assertEquals(
                List.of("1: warning: image 'missing.png' not found (looked for " + folder.resolve("missing.png") + ")"),
                RenderedBody.of(folder, "Here: ![A pool](missing.png)\n").diagnostics());
    }

    @Test
    void aWidthInPercentOnAParagraphBecomesAStyle() {
        assertEquals(
                new RenderedBody("<p style=\"width:50%;\">Text.</p>\n", List.of()),
                RenderedBody.of(folder, "Text.\n{: width=\"50%\"}\n"));
    }

    @Test
    void aTableCellsAlignmentBecomesAStyle() {
        assertEquals(
                List.of("<tr><td style=\"text-align:right\">1</td></tr>"),
                RenderedBody.of(folder, "| n |\n|--:|\n| 1 |\n")
                        .html()
                        .lines()
                        .filter(l -> l.contains("<td"))
                        .toList());
    }
}
