package io.github.poolbench.cli;

import io.github.poolbench.site.BuildRequest;
import io.github.poolbench.site.Repository;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The folders a site build reads and writes, shared by {@code build} and {@code report}. */
final class SiteOptions {

    @Option(names = "--content", paramLabel = "DIR", description = "Lessons (Markdown, GTN dialect). Default: content/")
    Path content;

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            description = "FreeMarker templates and assets. Default: templates/")
    Path templates;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the site goes. Default: site/")
    Path out;

    @Option(names = "--strict", description = "Treat warnings about irregular input as errors.")
    boolean strict;

    @Option(
            names = "--force",
            description =
                    "Replace the output folder even when it is not empty and holds no site "
                            + "built by poolbench (its files are lost). Input folders, files and the working folder are refused all the same.")
    boolean force;

    @Option(
            names = "--repository",
            paramLabel = "URL",
            converter = RepositoryConverter.class,
            description = "The repository the site is built from, linked in every page's footer (report a mistake, "
                    + "edit this page). Default: the origin remote of this clone, if any; without one, no such links.")
    Repository repository;

    @Mixin
    HistoryOption history = new HistoryOption();

    Path content() {
        return content != null ? content : PoolbenchCli.home().resolve("content");
    }

    Path templates() {
        return templates != null ? templates : PoolbenchCli.home().resolve("templates");
    }

    Path out() {
        return out != null ? out : PoolbenchCli.home().resolve("site");
    }

    Optional<Repository> repository() {
        return repository != null ? Optional.of(repository) : Repository.origin(PoolbenchCli.home());
    }

    /** An https, ssh or scp-style address of a repository; anything else is a usage error. */
    static final class RepositoryConverter implements CommandLine.ITypeConverter<Repository> {
        @Override
        public Repository convert(String value) {
            return Repository.of(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "'" + value + "' is no repository address (https://host/owner/name)"));
        }
    }

    Optional<Path> history() {
        return history.toChart();
    }

    /**
     * The build these options ask for, of {@code results}.
     *
     * @param machine the machine whose newest complete run to quote; empty: the reference run
     * @param run     the one run of {@code machine} to quote; empty: its newest complete one
     */
    BuildRequest request(Path results, Optional<String> machine, Optional<String> run) {
        return new BuildRequest(
                content(), templates(), results, out(), machine, strict, history(), force, run, repository());
    }

    static Path defaultResults() {
        return PoolbenchCli.home().resolve("content").resolve("results");
    }
}
