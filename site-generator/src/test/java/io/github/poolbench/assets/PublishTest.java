package io.github.poolbench.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.poolbench.diagnostics.Diagnostic;
import io.github.poolbench.diagnostics.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AssetPolicy#publish} on real files: copied, or refused with the whole reason. */
class PublishTest {

    @TempDir
    Path temp;

    private final Diagnostics diagnostics = new Diagnostics(false);

    @Test
    void aFileABrowserWouldRunIsNotPublished() throws IOException {
        Path script = Files.writeString(temp.resolve("steal.JS"), "fetch('/')");
        Path to = temp.resolve("site").resolve("steal.JS");
        AssetPolicy.publish(script, script, to, diagnostics);
        assertFalse(Files.exists(to));
        assertEquals(
                List.of(script + ": warning: not published: a .js file can run scripts in a reader's browser on the "
                        + "site's origin"),
                diagnostics.all().stream().map(Diagnostic::toString).toList());
    }

    @Test
    void anyOtherFileIsCopiedByteForByteIntoFoldersMadeForIt() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};
        Path image = Files.write(temp.resolve("chart.png"), png);
        Path to = temp.resolve("site").resolve("images").resolve("chart.png");
        AssetPolicy.publish(image, image, to, diagnostics);
        assertArrayEquals(png, Files.readAllBytes(to));
    }
}
