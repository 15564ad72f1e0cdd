package io.github.poolbench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.diagnostics.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swap's renames, each made to fail in turn on a real folder: the previous site survives every one. */
class StagedOutputTest {

    @TempDir
    Path temp;

    /** Renames for real, except the {@code failing}-th (from 1), which fails as a full disk would. */
    private static StagedOutput.Mover failing(int failing) {
        AtomicInteger count = new AtomicInteger();
        return (from, to) -> {
            if (count.incrementAndGet() == failing) {
                throw new java.nio.file.FileSystemException(from.toString(), to.toString(), "No space left on device");
            }
            Files.move(from, to);
        };
    }

    private Path previousSite() throws IOException {
        Path site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve(OutputFolder.STAMP), OutputFolder.STAMP_TEXT);
        Files.writeString(site.resolve("index.html"), "previous");
        return site;
    }

    private StagedOutput staged(Path site, StagedOutput.Mover mover) throws IOException {
        StagedOutput staged = StagedOutput.beside(site, Map.of(), false, mover);
        Files.writeString(staged.folder().resolve("index.html"), "new");
        return staged;
    }

    private List<String> beside(Path site) throws IOException {
        try (Stream<Path> entries = Files.list(site.getParent())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void movingTheOldSiteAsideFailsAndNothingChanges() throws IOException {
        Path site = previousSite();

        try (StagedOutput staged = staged(site, failing(1))) {
            InputException error = assertThrows(InputException.class, staged::publish);
            assertEquals(
                    site
                            + ": error: cannot move the previous site aside to replace it (no space left on device): make this "
                            + "folder and " + temp + " writable, or choose another --out",
                    error.getMessage());
        }

        assertEquals("previous", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("site"), beside(site), "no staging folder left over");
    }

    @Test
    void movingTheNewSiteInFailsAndTheOldOneGoesBack() throws IOException {
        Path site = previousSite();

        try (StagedOutput staged = staged(site, failing(2))) {
            assertThrows(InputException.class, staged::publish);
        }

        assertEquals("previous", Files.readString(site.resolve("index.html")));
        assertEquals(List.of("site"), beside(site));
    }

    @Test
    void whenTheRollbackFailsTooTheMessageSaysWhereTheOldSiteIs() throws IOException {
        Path site = previousSite();
        AtomicInteger count = new AtomicInteger();
        StagedOutput.Mover mover = (from, to) -> {
            if (count.incrementAndGet() >= 2) {
                throw new java.nio.file.FileSystemException(from.toString(), null, "Input/output error");
            }
            Files.move(from, to);
        };

        try (StagedOutput staged = staged(site, mover)) {
            InputException error = assertThrows(InputException.class, staged::publish);
            String aside = beside(site).stream()
                    .filter(name -> name.startsWith(".site-old-"))
                    .findFirst()
                    .orElseThrow();
            assertTrue(
                    error.getMessage().contains("it is in " + temp.resolve(aside) + "; move it back by hand"),
                    error.getMessage());
            assertEquals("previous", Files.readString(temp.resolve(aside).resolve("index.html")));
        }
    }

    @Test
    void aSuccessfulSwapLeavesOnlyTheNewStampedSite() throws IOException {
        Path site = previousSite();

        try (StagedOutput staged = staged(site, failing(0))) {
            assertTrue(staged.publish().isEmpty());
        }

        assertEquals("new", Files.readString(site.resolve("index.html")));
        assertTrue(OutputFolder.stamped(site));
        assertEquals(List.of("site"), beside(site));
    }
}
