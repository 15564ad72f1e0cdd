package io.github.poolbench.cli;

import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.site.BuildRequest;
import io.github.poolbench.site.BuildSummary;
import io.github.poolbench.site.SiteBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The preview behind {@code serve}: serves the site on the loopback address and, when watching,
 * rebuilds it in this JVM whenever its inputs change. The JVM stays warm (classes loaded, code
 * compiled, fonts read) and unchanged charts come from the cache, so a rebuild is quick. A build
 * that fails prints its errors and leaves the last good site served, since a build only replaces
 * the site when it succeeds.
 */
final class Preview implements AutoCloseable {

    private final BuildRequest request;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SiteBuilder builder = new SiteBuilder();
    private final AtomicInteger builds = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private PreviewServer server;
    private SiteWatcher watcher;

    Preview(BuildRequest request, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.out = out;
        this.err = err;
    }

    /**
     * Builds, then serves on {@code port} (0 picks a free one), watching the inputs when asked.
     *
     * @throws InputException when the first build fails and there is no earlier site to serve
     */
    Preview start(int port, boolean watch) {
        // Serve only a site a build made: a refused --out (someone's own folder) is never put on the air.
        if (!build() && !io.github.poolbench.render.OutputFolder.stamped(request.out())) {
            throw new InputException(
                    io.github.poolbench.diagnostics.Location.of(request.out()),
                    "no site to serve: the build failed (errors above) and there is no earlier build");
        }
        try {
            // Loopback only: a preview server has no business on other interfaces.
            server = new PreviewServer(request.out(), port);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot serve on port " + port + ": " + e.getMessage(), e));
        }
        if (watch) {
            watcher = new SiteWatcher(List.copyOf(request.inputs().values()), this::build);
        }
        return this;
    }

    int port() {
        return server.port();
    }

    /** Builds completed so far, successful or not. */
    int builds() {
        return builds.get();
    }

    int failures() {
        return failures.get();
    }

    /** One build; prints its outcome and returns whether it succeeded. */
    synchronized boolean build() {
        try {
            BuildSummary summary = builder.build(request);
            summary.warnings().forEach(out::println);
            out.printf("Built %d pages and %d charts; %s%n", summary.pages(), summary.charts(), summary.timings());
            return true;
        } catch (InputException e) {
            failures.incrementAndGet();
            e.errors().forEach(err::println);
            err.println("Build failed: still serving the last good site");
            return false;
        } finally {
            builds.incrementAndGet();
            out.flush();
            err.flush();
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
