package io.github.poolbench.pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A class whose loading leaves a trace: its pid appended to the file {@code -Dpoolbench.test.marker} names. */
final class WarmUpMarker {

    static {
        String marker = System.getProperty("poolbench.test.marker");
        if (marker != null) {
            try {
                Files.writeString(
                        Path.of(marker),
                        ProcessHandle.current().pid() + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private WarmUpMarker() {}
}
