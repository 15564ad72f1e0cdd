package io.github.poolbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The results of one JMH file, with the machine that produced them.
 *
 * @param machineId the folder under the results root
 * @param runId     the path from the machine folder to the run, e.g. {@code 2026-11-25T231000Z-quick}
 * @param jmhFile   the JMH JSON file
 * @param machine   the run's {@code machine.json} as read, empty when the run has none
 */
public record ResultRun(String machineId, String runId, Path jmhFile, Map<String, Object> machine,
                        List<BenchmarkResult> results) {

    public ResultRun {
        machine = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(machine)); // keep the file's order: output must be deterministic
        results = List.copyOf(results);
    }

    /** The machine description, read tolerantly. */
    public MachineInfo machineInfo() {
        return MachineInfo.of(machine);
    }

    /** The run's {@code machine.json}, when it has one. */
    public java.util.Optional<Path> machineFile() {
        Path file = jmhFile.resolveSibling(ResultsLoader.MACHINE_FILE);
        return machine.isEmpty() && !java.nio.file.Files.isRegularFile(file) ? java.util.Optional.empty()
                : java.util.Optional.of(file);
    }
}
