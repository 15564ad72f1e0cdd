package io.github.poolbench.site;

import io.github.poolbench.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/** What a successful build wrote, the warnings it found on the way, and where its time went. */
public record BuildSummary(Path out, int pages, int charts, List<Diagnostic> warnings, BuildTimings timings) {

    public BuildSummary {
        warnings = List.copyOf(warnings);
    }

    public BuildSummary(Path out, int pages, int charts, List<Diagnostic> warnings) {
        this(out, pages, charts, warnings, BuildTimings.NONE);
    }
}
