package io.github.poolbench.site;

import io.github.poolbench.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** What a successful build wrote, and the warnings it found on the way. */
public record BuildSummary(Path out, int pages, int charts, List<Diagnostic> warnings) {

    public BuildSummary {
        warnings = List.copyOf(warnings);
    }
}
