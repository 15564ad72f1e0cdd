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
}
