package io.github.poolbench.history;

import java.util.List;

/**
 * What history keeps of one published run: which machine measured which commit when, on what
 * hardware, and every benchmark's score with its interval.
 *
 * @param machine    the machine id, as under {@code content/results/}
 * @param commit     the full commit hash the run measured
 * @param measuredAt when the run started, UTC, {@code yyyy-MM-dd'T'HHmmss'Z'} (as in run ids)
 * @param runId      the run's folder name under its machine, for tracing a point back to its JMH file
 * @param hardware   the run's hardware signature; {@link Hardware#UNKNOWN} for summaries written before
 *                   history kept it, or for a run without a machine description
 * @param scores     in series order
 */
public record RunSummary(
        String machine, String commit, String measuredAt, String runId, Hardware hardware, List<Score> scores) {

    public RunSummary {
        scores = scores.stream()
                .sorted(java.util.Comparator.comparing(Score::key))
                .toList();
    }

    /** A summary without a hardware signature, as history kept them before. */
    public RunSummary(String machine, String commit, String measuredAt, String runId, List<Score> scores) {
        this(machine, commit, measuredAt, runId, Hardware.UNKNOWN, scores);
    }

    /** The first 7 characters of the commit, as git abbreviates it. */
    public String shortCommit() {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    /** {@code <measuredAt>-<commit12>.json}: sorting names sorts runs by time. */
    public String fileName() {
        return measuredAt + "-" + commit.substring(0, Math.min(12, commit.length())) + ".json";
    }
}
