package io.github.poolbench.results;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every run found under a results folder, oldest first within each machine. */
public record ResultSet(List<ResultRun> runs) {

    public ResultSet {
        runs = runs.stream()
                .sorted(Comparator.comparing(ResultRun::machineId).thenComparing(ResultRun::runId))
                .toList();
    }

    public static ResultSet empty() {
        return new ResultSet(List.of());
    }

    /** The runs of each machine, machines in name order. */
    public Map<String, List<ResultRun>> byMachine() {
        Map<String, List<ResultRun>> machines = new LinkedHashMap<>();
        for (ResultRun run : runs) {
            machines.computeIfAbsent(run.machineId(), id -> new java.util.ArrayList<>())
                    .add(run);
        }
        return machines;
    }

    /** The newest run of a machine: run ids start with their UTC time, so the last sorts newest. */
    public Optional<ResultRun> latest(String machineId) {
        return runs.stream().filter(run -> run.machineId().equals(machineId)).reduce((a, b) -> b);
    }

    /** A machine's runs, newest first; empty for an unknown machine. */
    public List<ResultRun> runsNewestFirst(String machineId) {
        return runs.stream()
                .filter(run -> run.machineId().equals(machineId))
                .toList()
                .reversed();
    }

    /** The newest run of any machine, for the default machine a site reports. */
    public Optional<ResultRun> newest() {
        return runs.stream().max(Comparator.comparing(ResultRun::runId));
    }
}
