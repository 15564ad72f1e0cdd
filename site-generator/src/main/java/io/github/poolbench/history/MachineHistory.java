package io.github.poolbench.history;

import java.util.List;

/**
 * The recorded runs of one machine that a build looks at.
 *
 * @param recorded how many runs the history holds for this machine in all
 * @param runs     the newest of them, oldest first
 */
public record MachineHistory(String machine, int recorded, List<RunSummary> runs) {

    public MachineHistory {
        runs = List.copyOf(runs);
    }
}
