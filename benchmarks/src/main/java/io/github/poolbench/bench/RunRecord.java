package io.github.poolbench.bench;

import java.util.List;
import java.util.Map;

/**
 * What {@code run.json} says about one run, beside {@code jmh.json} and {@code machine.json}.
 *
 * @param runId the folder name, e.g. {@code 2026-11-25T2310Z-quick}
 * @param profile {@code smoke}, {@code quick} or {@code full}
 * @param machineId the machine folder the run is filed under
 * @param status {@code complete}, or {@code failed} with {@code failure} saying why
 * @param failure the error that stopped the run, or null
 * @param startedAt ISO-8601 UTC
 * @param finishedAt ISO-8601 UTC
 * @param wallSeconds the run's wall time
 * @param plannedBenchmarks benchmark runs (method x params) in the plan
 * @param measuredBenchmarks entries in {@code jmh.json}
 * @param load the quiet-machine guard's readings
 * @param largestRelativeError the widest scoreError / score seen, with its benchmark
 * @param targetErrorPercent the profile's error target for sleep, fetch and primes
 * @param errorSummary per benchmark class: how many results, median and worst relative error
 * @param errorsAboveTarget results of sleep, fetch and primes whose error exceeds the target
 * @param forkJvmArgs the flags every benchmark fork got
 * @param steps the plan as run
 * @param warnings what the reader of the numbers should know
 */
public record RunRecord(
        String runId,
        String profile,
        String machineId,
        String status,
        String failure,
        String startedAt,
        String finishedAt,
        double wallSeconds,
        int plannedBenchmarks,
        int measuredBenchmarks,
        Load load,
        RelativeError largestRelativeError,
        double targetErrorPercent,
        List<WorkloadErrors> errorSummary,
        List<RelativeError> errorsAboveTarget,
        List<String> forkJvmArgs,
        List<StepRecord> steps,
        List<String> warnings) {

    /**
     * The 1-minute load average around the run.
     *
     * @param before just before the first benchmark (null where the OS does not say)
     * @param after just after the last; the run's own work raises it, so it is not judged
     * @param logicalCores the machine's logical cores
     * @param busyAbove the load above which the machine counts as busy
     * @param busy whether the reading before the run was above it
     */
    public record Load(Double before, Double after, int logicalCores, double busyAbove, boolean busy) {}

    /**
     * One result's error relative to its score.
     *
     * @param benchmark e.g. {@code SleepBenchmark.map}
     * @param params its params
     * @param percent 100 x scoreError / score
     */
    public record RelativeError(String benchmark, Map<String, String> params, double percent) {}

    /**
     * The error distribution of one benchmark class.
     *
     * @param workload the class, e.g. {@code SleepBenchmark}
     * @param results results with an error estimate
     * @param medianPercent their median relative error
     * @param worstPercent the largest
     * @param withinTarget how many are within the profile's target
     */
    public record WorkloadErrors(
            String workload, int results, double medianPercent, double worstPercent, int withinTarget) {}

    /** One step of the plan, with {@code null} sizing fields meaning the class's annotation. */
    public record StepRecord(
            String benchmark,
            List<String> methods,
            Map<String, List<String>> params,
            Integer forks,
            Integer warmups,
            Long warmupMillis,
            Integer iterations,
            Long iterationMillis) {

        static StepRecord of(RunPlan.Step step) {
            RunPlan.Sizing s = step.sizing();
            return new StepRecord(
                    step.benchmark().getSimpleName(),
                    step.methods(),
                    step.params(),
                    s.forks(),
                    s.warmups(),
                    s.warmupTime() == null ? null : s.warmupTime().toMillis(),
                    s.iterations(),
                    s.iterationTime() == null ? null : s.iterationTime().toMillis());
        }
    }
}
