package io.github.poolbench.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Builds the site, serves it on the loopback address, and rebuilds it when its inputs change. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Build the site, serve it on http://127.0.0.1:PORT/ and rebuild on every change to content/, "
                + "templates/ or the results, until interrupted (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8000",
            description = "Port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--watch",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description =
                    "Rebuild when the inputs change (--no-watch serves the site as built). Default: ${DEFAULT-VALUE}")
    boolean watch;

    @Mixin
    SiteOptions site = new SiteOptions();

    @Mixin
    ResultOptions inputs = new ResultOptions();

    @Mixin
    MachineOption.Quoted machine = new MachineOption.Quoted();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Preview preview = new Preview(
                        site.request(inputs.results(), machine.id(), Optional.empty()),
                        out,
                        spec.commandLine().getErr())
                .start(port, watch);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            preview.close();
                            stopped.countDown();
                        },
                        "poolbench-serve-shutdown"));
        out.printf(
                "Serving %s at http://127.0.0.1:%d/%s (Ctrl-C to stop)%n",
                site.out().toAbsolutePath().normalize(), preview.port(), watch ? ", rebuilding on change" : "");
        out.flush();
        stopped.await();
        return 0;
    }
}
