package io.github.poolbench.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids handed out once, in reading order; headings one level down in lessons written with # sections. */
class IdsExtensionTest {

    @TempDir
    Path folder;

    @Test
    void equalTitlesGetNumberedIdsTheFirstKeepingThePlainOne() {
        assertEquals(
                new RenderedBody("<h2 id=\"pools\">Pools</h2>\n<h2 id=\"pools-1\">Pools</h2>\n", List.of()),
                RenderedBody.of(folder, "## Pools\n\n## Pools\n"));
    }

    @Test
    void aLessonWrittenWithHashSectionsMovesDownALevel() {
        assertEquals(
                new RenderedBody("<h2 id=\"part\">Part</h2>\n<h3 id=\"detail\">Detail</h3>\n", List.of()),
                RenderedBody.of(folder, "# Part\n\n## Detail\n"));
    }
}
