package io.github.poolbench.site;

import io.github.poolbench.diagnostics.Diagnostics;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import io.github.poolbench.format.Profile;
import io.github.poolbench.format.RunRecord;
import io.github.poolbench.results.BenchmarkResult;
import io.github.poolbench.results.Metric;
import io.github.poolbench.results.ResultRun;
import io.github.poolbench.results.ResultSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The quote rule, its one owner: which run a site's numbers come from.
 *
 * <ul>
 *   <li>{@code report} quotes the run it has just made ({@link #run}).
 *   <li>{@code build --quote-machine ID} quotes that machine's newest complete run.
 *   <li>A plain {@code build} quotes the reference: the run whose {@code run.json} says
 *       {@code "reference": true} (the committed full run). A run {@code bench} or {@code report}
 *       writes never says so, so a reader's own run filed beside the reference does not change what
 *       a plain build quotes. Without a marked run (a results folder of one's own), the newest
 *       complete run of any machine is the reference.
 * </ul>
 *
 * Every chart, table, measured value and both sides of a comparison come from that one run unless
 * the tag names {@code machine=} itself. Nothing falls back to another run: what the quoted run did
 * not measure is {@linkplain #resolve said so} in its place, with a warning naming the profile that
 * measures it, while a reference that does not resolve on the reference run stays an error in the
 * source.
 */
public final class QuoteRule {

    private final ResultSet results;
    private final Optional<ResultRun> quoted;
    private final Optional<ResultRun> reference;
    private final Diagnostics diagnostics;

    private QuoteRule(
            ResultSet results, Optional<ResultRun> quoted, Optional<ResultRun> reference, Diagnostics diagnostics) {
        this.results = results;
        this.quoted = quoted;
        this.reference = reference;
        this.diagnostics = diagnostics;
    }

    /**
     * The rule for one build.
     *
     * @param machine the machine named by {@code --quote-machine} (or {@code report}'s own)
     * @param run     the run {@code report} has just made, under {@code machine}
     * @throws InputException when the machine or run named has no results
     */
    static QuoteRule of(ResultSet results, Optional<String> machine, Optional<String> run, Diagnostics diagnostics) {
        Optional<ResultRun> reference = reference(results);
        Optional<ResultRun> quoted;
        if (run.isPresent()) {
            String id = machine.orElseThrow(() -> new IllegalArgumentException("a run is named within a machine"));
            quoted = Optional.of(results.runsNewestFirst(id).stream()
                    .filter(r -> r.runId().equals(run.get()))
                    .findFirst()
                    .orElseThrow(() -> new InputException(
                            Location.of(Path.of(id)), "no run '" + run.get() + "' of machine '" + id + "'")));
        } else if (machine.isPresent()) {
            quoted = newestComplete(results, machine.get());
        } else {
            quoted = reference;
        }
        return new QuoteRule(results, quoted, reference, diagnostics);
    }

    /** The run the site quotes; empty only when there are no results at all. */
    Optional<ResultRun> quoted() {
        return quoted;
    }

    /** The marked reference run, or else the newest complete run of any machine. */
    static Optional<ResultRun> reference(ResultSet results) {
        Optional<ResultRun> marked = results.runs().reversed().stream()
                .filter(QuoteRule::markedReference)
                .findFirst();
        return marked.or(() -> results.runs().stream()
                .filter(QuoteRule::complete)
                .max(java.util.Comparator.comparing(ResultRun::runId)));
    }

    /** A machine's newest run that did not fail; empty when it has none. */
    static Optional<ResultRun> newestComplete(ResultSet results, String machine) {
        return results.runsNewestFirst(machine).stream()
                .filter(QuoteRule::complete)
                .findFirst();
    }

    /** A run without {@code run.json} (another project's, an older suite's) counts as complete. */
    static boolean complete(ResultRun run) {
        return !run.failed();
    }

    private static boolean markedReference(ResultRun run) {
        return run.record().map(RunRecord::markedReference).orElse(false);
    }

    /**
     * The run a tag quotes, once {@code check} accepts it: the tag's own machine's newest complete
     * run when it names one (exactly that, errors included), else the quoted run.
     *
     * @param tag      the tag's name for messages, e.g. {@code compare}
     * @param check    throws {@link InputException} when the run cannot answer the tag
     * @return empty when the quoted run did not measure what the tag names, which has been warned
     *     about at {@code location}; the caller renders {@link #notMeasured} in its place
     * @throws InputException when the tag is wrong in the source: it does not resolve on the
     *     reference run either (or there is no other reference to judge by); the error is the quoted
     *     run's
     */
    Optional<ResultRun> resolve(String tag, Optional<String> machine, Location location, Consumer<ResultRun> check) {
        if (machine.isPresent()) {
            ResultRun own = newestComplete(results, machine.get())
                    .orElseThrow(() -> new InputException(
                            location,
                            "no results for machine '" + machine.get() + "' (machines: "
                                    + String.join(", ", results.byMachine().keySet()) + ")"));
            check.accept(own);
            return Optional.of(own);
        }
        ResultRun run = quoted.orElseThrow(() -> new InputException(
                location, "no results to quote: the results folder is empty (run ./poolbench bench first)"));
        try {
            check.accept(run);
            return Optional.of(run);
        } catch (InputException notHere) {
            ResultRun judge = judge(run).orElseThrow(() -> notHere);
            try {
                check.accept(judge);
            } catch (InputException onReference) {
                throw notHere; // wrong in the source, since the reference cannot answer it either
            }
            diagnostics.warn(
                    location,
                    tag + ": " + NOT_MEASURED + " (" + ResultWeaver.source(run) + "); "
                            + measuring(check)
                                    .map(p -> command(p) + " measures it")
                                    .orElse("no profile measures it"));
            return Optional.empty();
        }
    }

    /**
     * What tells a run that did not measure something from a reference that is wrong in the
     * source: the reference run, unless it is the run quoted; without one (a results folder that
     * holds a reader's own runs only), the full profile's plan, which is what the reference measures.
     * A failure on the marked reference itself has nothing to be judged by: it is an error.
     */
    private Optional<ResultRun> judge(ResultRun run) {
        if (reference.isPresent() && !reference.get().equals(run)) {
            return reference;
        }
        return markedReference(run) ? Optional.empty() : Optional.of(planned(Profile.FULL));
    }

    /** The words shown where a number the quoted run lacks would be. */
    static final String NOT_MEASURED = "not measured by this run";

    /** {@code ./poolbench report --profile full}, built by {@link Profile#command()}. */
    static String command(Profile profile) {
        return profile.command();
    }

    /** The smallest profile whose plan answers {@code check}, judged on its planned params. */
    static Optional<Profile> measuring(Consumer<ResultRun> check) {
        for (Profile profile : Profile.values()) {
            try {
                check.accept(planned(profile));
                return Optional.of(profile);
            } catch (InputException e) {
                // not this profile: try the next, larger one
            }
        }
        return Optional.empty();
    }

    private static final Map<Profile, ResultRun> PLANNED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a profile will measure, as a run without numbers: every result its plan writes, each with
     * a placeholder score of 1 and ten samples, so that a tag can be checked against it with the
     * same code that checks it against a real run.
     */
    static ResultRun planned(Profile profile) {
        return PLANNED.computeIfAbsent(profile, p -> {
            List<Double> ones = java.util.Collections.nCopies(10, 1.0);
            List<BenchmarkResult> results = p.planned().stream()
                    .map(planned -> new BenchmarkResult(
                            planned.benchmark(),
                            planned.mode(),
                            1,
                            1,
                            0,
                            10,
                            "",
                            "",
                            "",
                            List.of(),
                            new TreeMap<>(planned.params()),
                            new Metric(1, 0, 1, 1, planned.mode().equals("thrpt") ? "ops/s" : "ms/op", List.of(ones)),
                            Map.of(),
                            Location.of(Path.of("profile " + p.id()))))
                    .toList();
            return new ResultRun(
                    "planned", p.id(), Path.of("the " + p.id() + " profile's plan"), Optional.empty(), results);
        });
    }
}
