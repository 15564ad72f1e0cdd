package io.github.poolbench.site;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The JSON behind every number, published with the site under
 * {@code data/<machine>/<run>/}, so a reader can check a chart against what JMH wrote.
 */
final class DataFiles {

    private DataFiles() {}

    /** The run's JMH file in the site, relative to the site root. */
    static String href(ResultRun run) {
        return folder(run) + run.jmhFile().getFileName();
    }

    /** The run's {@code machine.json} in the site, when it has one. */
    static java.util.Optional<String> machineHref(ResultRun run) {
        return run.machineFile().map(file -> folder(run) + file.getFileName());
    }

    /** The run's {@code run.json} (how it was measured) in the site, when it has one. */
    static java.util.Optional<String> runHref(ResultRun run) {
        return run.recordFile().map(file -> folder(run) + file.getFileName());
    }

    private static String folder(ResultRun run) {
        return "data/" + run.machineId() + "/" + run.runId() + "/";
    }

    /** Copies every run's JMH, machine and run files into {@code site}. */
    static void copyAll(ResultSet results, Path site) {
        for (ResultRun run : results.runs()) {
            copy(run.jmhFile(), site.resolve(href(run)));
            run.machineFile()
                    .ifPresent(file -> copy(file, site.resolve(machineHref(run).orElseThrow())));
            run.recordFile()
                    .ifPresent(file -> copy(file, site.resolve(runHref(run).orElseThrow())));
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InputException(Location.of(from), "cannot copy into the site: " + e.getMessage(), e);
        }
    }
}
