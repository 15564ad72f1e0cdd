package io.github.poolbench.results;

import io.github.poolbench.format.MachineDescription;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.layout.ResultsLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The results of one JMH file, with what its side files say, each read once by the loader.
 *
 * @param machineId   the folder under the results root
 * @param runId       the path from the machine folder to the run, e.g. {@code 2026-11-25T231000Z-quick}
 * @param jmhFile     the JMH JSON file
 * @param machine     the run's {@code machine.json}, empty when the run has none
 * @param machineFile the {@code machine.json} read, when there is one
 * @param record      the run's {@code run.json}, empty when the run has none (another project's
 *     file, a contribution)
 * @param recordFile  the {@code run.json} read, when there is one
 */
public record ResultRun(
        String machineId,
        String runId,
        Path jmhFile,
        Optional<MachineDescription> machine,
        List<BenchmarkResult> results,
        Optional<Path> machineFile,
        Optional<RunRecord> record,
        Optional<Path> recordFile) {

    public ResultRun {
        results = List.copyOf(results);
    }

    /**
     * A run without a run record whose description, when it has one, lies beside its JMH file as
     * {@code machine.json}.
     */
    public ResultRun(
            String machineId,
            String runId,
            Path jmhFile,
            Optional<MachineDescription> machine,
            List<BenchmarkResult> results) {
        this(
                machineId,
                runId,
                jmhFile,
                machine,
                results,
                machine.map(m -> jmhFile.resolveSibling(ResultsLayout.MACHINE_FILE)),
                Optional.empty(),
                Optional.empty());
    }

    /** The machine description as the pages show it. */
    public MachineInfo machineInfo() {
        return MachineInfo.of(machine);
    }

    /** Whether the run record says the run failed; a run without one counts as complete. */
    public boolean failed() {
        return record.map(RunRecord::failed).orElse(false);
    }
}
