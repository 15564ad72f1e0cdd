package io.github.poolbench.results;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one JMH file, with the machine that produced them.
 *
 * @param machineId   the folder under the results root
 * @param runId       the path from the machine folder to the run, e.g. {@code 2026-11-25T231000Z-quick}
 * @param jmhFile     the JMH JSON file
 * @param machine     the run's {@code machine.json} as read, empty when the run has none
 * @param machineFile the {@code machine.json} read, when there is one the loader accepted
 */
public record ResultRun(
        String machineId,
        String runId,
        Path jmhFile,
        Map<String, Object> machine,
        List<BenchmarkResult> results,
        Optional<Path> machineFile) {

    public ResultRun {
        machine = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(machine)); // keep the file's order: output must be deterministic
        results = List.copyOf(results);
    }

    /** A run whose description, when it has one, lies beside its JMH file as {@code machine.json}. */
    public ResultRun(
            String machineId, String runId, Path jmhFile, Map<String, Object> machine, List<BenchmarkResult> results) {
        this(
                machineId,
                runId,
                jmhFile,
                machine,
                results,
                machine.isEmpty()
                        ? Optional.empty()
                        : Optional.of(jmhFile.resolveSibling(io.github.poolbench.layout.ResultsLayout.MACHINE_FILE)));
    }

    /** The machine description, read tolerantly. */
    public MachineInfo machineInfo() {
        return MachineInfo.of(machine);
    }
}
