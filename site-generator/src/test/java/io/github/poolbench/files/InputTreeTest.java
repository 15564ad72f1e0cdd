package io.github.poolbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk of an input folder on a real file system: what it reads, and what it skips with which words. */
class InputTreeTest {

    @TempDir
    Path temp;

    private Path content;
    private final Diagnostics diagnostics = new Diagnostics(false);

    @BeforeEach
    void aContentFolder() throws IOException {
        content = Files.createDirectories(temp.resolve("content"));
        Files.writeString(Files.createDirectories(content.resolve("lessons")).resolve("b.md"), "b");
        Files.writeString(content.resolve("a.md"), "a");
    }

    private List<String> walk() {
        return InputTree.walk(content, "content", diagnostics).stream()
                .map(file -> file.relative().toString())
                .toList();
    }

    private List<String> said() {
        return diagnostics.all().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void everyRegularFileIsReadInPathOrder() {
        assertEquals(List.of("a.md", "lessons/b.md"), walk());
    }

    @Test
    void aMissingFolderHasNoFiles() {
        assertEquals(List.of(), InputTree.walk(temp.resolve("nothing"), "content", diagnostics));
    }

    @Test
    void aGitFolderIsNeverInput() throws IOException {
        Files.writeString(Files.createDirectories(content.resolve(".git")).resolve("config"), "[core]");
        assertEquals(List.of("a.md", "lessons/b.md"), walk());
    }

    @Test
    void aLinkInsideTheFolderIsRead() throws IOException {
        Files.createSymbolicLink(content.resolve("c.md"), content.resolve("a.md"));
        assertEquals(List.of("a.md", "c.md", "lessons/b.md"), walk());
    }

    @Test
    void aLinkLeadingOutIsSkippedWithAWarningNamingWhereItLeads() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "token");
        Path link = Files.createSymbolicLink(content.resolve("secret.md"), secret);
        walk();
        assertEquals(
                List.of(link + ": warning: skipped: a symbolic link to " + secret.toRealPath()
                        + ", outside the content folder; the build reads only files inside it"),
                said());
    }

    @Test
    void aBrokenLinkIsSkippedWithAWarningNamingItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(content.resolve("gone.md"), Path.of("nowhere.md"));
        walk();
        assertEquals(List.of(link + ": warning: skipped: a broken symbolic link (to nowhere.md)"), said());
    }

    @Test
    void aLinkThatLoopsBackIsSkippedWithAWarning() throws IOException {
        Path loop = Files.createSymbolicLink(content.resolve("lessons").resolve("up"), content);
        walk();
        assertEquals(
                List.of(loop + ": warning: skipped: a symbolic link that loops back to a folder above it"), said());
    }

    @Test
    void underStrictASkippedFileIsAnError() throws IOException {
        Path link = Files.createSymbolicLink(content.resolve("gone.md"), Path.of("nowhere.md"));
        Diagnostics strict = new Diagnostics(true);
        InputTree.walk(content, "content", strict);
        assertEquals(
                List.of(link + ": error: skipped: a broken symbolic link (to nowhere.md)"),
                strict.errors().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void aDeniedReadReadsAsPermissionDenied() {
        assertEquals("permission denied", InputTree.reason(new AccessDeniedException("/x")));
    }

    @Test
    void aMissingFileReadsAsNoSuchFileOrFolder() {
        assertEquals("no such file or folder", InputTree.reason(new NoSuchFileException("/x")));
    }
}
