package io.github.poolbench.cli;

import io.github.poolbench.site.BuildSummary;
import io.github.poolbench.site.SiteBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds the site from lessons and results already on disk. */
@Command(
        name = "build",
        mixinStandardHelpOptions = true,
        description = "Build the static site from content/ and the results, without running benchmarks.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site = new SiteOptions();

    @Mixin
    ResultOptions inputs = new ResultOptions();

    @Mixin
    MachineOption.Quoted machine = new MachineOption.Quoted();

    @Option(
            names = "--timings",
            description = "Print where the build's time went: load, parse, render, charts (drawn or cached), publish.")
    boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return build(spec.commandLine().getOut(), site, inputs.results(), machine.id(), Optional.empty(), timings);
    }

    /**
     * Builds and reports the outcome; shared with {@code report}.
     *
     * @param machine the machine whose newest complete run to quote; empty: the reference run
     * @param run     the one run of {@code machine} to quote ({@code report}'s own)
     */
    static int build(
            PrintWriter out,
            SiteOptions site,
            Path results,
            Optional<String> machine,
            Optional<String> run,
            boolean timings) {
        BuildSummary summary = new SiteBuilder().build(site.request(results, machine, run));
        summary.warnings().forEach(warning -> out.println(warning));
        out.printf("Built %d pages and %d charts into %s%n", summary.pages(), summary.charts(), summary.out());
        if (timings) {
            // JVM start-up is not in the build's own figures: the JVM's uptime shows it.
            out.printf(
                    "%s; JVM start to build start %d ms%n",
                    summary.timings(),
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                            - Math.round(summary.timings().totalNanos() / 1e6));
        }
        out.flush();
        return 0;
    }
}
