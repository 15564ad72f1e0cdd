package io.github.poolbench.format;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What {@code run.json} says about one run, beside {@code jmh.json} and {@code machine.json}: the
 * suite writes this record and the site reads it back as the same type ({@link ResultsJson}).
 * Every field may be missing (null), since older suites wrote fewer and hand-written or other
 * projects' records hold what their authors knew; fields this type does not know are ignored.
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
 * @param reference true on the run a plain site build quotes; the suite never writes it (a
 *     maintainer marks the committed reference run by hand), so it is left out when null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunRecord(
        String runId,
        String profile,
        String machineId,
        String status,
        String failure,
        String startedAt,
        String finishedAt,
        Double wallSeconds,
        Integer plannedBenchmarks,
        Integer measuredBenchmarks,
        Load load,
        RelativeError largestRelativeError,
        Double targetErrorPercent,
        List<WorkloadErrors> errorSummary,
        List<RelativeError> errorsAboveTarget,
        List<String> forkJvmArgs,
        List<StepRecord> steps,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean reference) {

    /** The value of {@code status} for a run that stopped on an error. */
    public static final String FAILED = "failed";

    /** Whether the record says the run failed; a record without a status does not. */
    public boolean failed() {
        return FAILED.equals(status);
    }

    /** Whether this is the marked reference run. */
    public boolean markedReference() {
        return Boolean.TRUE.equals(reference);
    }

    /**
     * The 1-minute load average around the run.
     *
     * @param before just before the first benchmark (null where the OS does not say)
     * @param after just after the last; the run's own work raises it, so it is not judged
     * @param logicalCores the machine's logical cores
     * @param busyAbove the load above which the machine counts as busy
     * @param busy whether the reading before the run was above it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Load(Double before, Double after, Integer logicalCores, Double busyAbove, Boolean busy) {

        /** Whether the record says the machine was busy; a record that does not say was not. */
        public boolean wasBusy() {
            return Boolean.TRUE.equals(busy);
        }
    }

    /**
     * One result's error relative to its score.
     *
     * @param benchmark e.g. {@code SleepBenchmark.map}
     * @param params its params
     * @param percent 100 x scoreError / score
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RelativeError(String benchmark, Map<String, String> params, Double percent) {}

    /**
     * The error distribution of one benchmark class.
     *
     * @param workload the class, e.g. {@code SleepBenchmark}
     * @param results results with an error estimate
     * @param medianPercent their median relative error
     * @param worstPercent the largest
     * @param withinTarget how many are within the profile's target
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WorkloadErrors(
            String workload, Integer results, Double medianPercent, Double worstPercent, Integer withinTarget) {}

    /**
     * One step of the plan as run, with {@code null} sizing fields meaning the class's annotation.
     *
     * @param benchmark the class's simple name, e.g. {@code SleepBenchmark}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StepRecord(
            String benchmark,
            List<String> methods,
            Map<String, List<String>> params,
            Integer forks,
            Integer warmups,
            Long warmupMillis,
            Integer iterations,
            Long iterationMillis) {}
}
