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
        machine = Map.copyOf(machine);
        results = List.copyOf(results);
    }
}
