package io.github.poolbench.site;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything one site build reads and writes.
 *
 * @param machine the machine whose newest complete run the lessons quote; empty: the reference run
 *     ({@link QuoteRule})
 * @param strict  treat warnings (irregular but renderable input) as errors
 * @param history recorded runs for the trend page ({@code io.github.poolbench.history}); empty: no trend page
 * @param force   replace {@code out} even when it is a non-empty folder poolbench did not make
 * @param run     the one run of {@code machine} to quote: the run {@code report} has just made
 * @param repository the repository the site is built from, named in its footer; empty: no such links
 */
public record BuildRequest(
        Path content,
        Path templates,
        Path results,
        Path out,
        Optional<String> machine,
        boolean strict,
        Optional<Path> history,
        boolean force,
        Optional<String> run,
        Optional<Repository> repository) {

    /** A build that quotes {@code machine}'s newest complete run, or the reference, and names no repository. */
    public BuildRequest(
            Path content,
            Path templates,
            Path results,
            Path out,
            Optional<String> machine,
            boolean strict,
            Optional<Path> history,
            boolean force) {
        this(content, templates, results, out, machine, strict, history, force, Optional.empty(), Optional.empty());
    }

    /** A build that replaces only a site it made itself, or an empty folder. */
    public BuildRequest(
            Path content,
            Path templates,
            Path results,
            Path out,
            Optional<String> machine,
            boolean strict,
            Optional<Path> history) {
        this(content, templates, results, out, machine, strict, history, false);
    }

    /** A build without history, hence without a trend page. */
    public BuildRequest(
            Path content, Path templates, Path results, Path out, Optional<String> machine, boolean strict) {
        this(content, templates, results, out, machine, strict, Optional.empty());
    }

    /** The folders this build reads, each named as messages name it: what the output may not overlap. */
    public java.util.Map<String, Path> inputs() {
        return inputs(content, templates, results, history);
    }

    /**
     * The folders a build of these inputs reads, in the order messages list them: {@code content},
     * {@code templates}, {@code results} and, when charted, {@code history}. The one list that the
     * output folder is checked against, before a build and before {@code report} measures.
     */
    public static java.util.Map<String, Path> inputs(
            Path content, Path templates, Path results, Optional<Path> history) {
        java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("content", content);
        inputs.put("templates", templates);
        inputs.put("results", results);
        history.ifPresent(folder -> inputs.put("history", folder));
        return java.util.Collections.unmodifiableMap(inputs);
    }
}
