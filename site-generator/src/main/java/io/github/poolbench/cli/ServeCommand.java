package io.github.poolbench.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import io.github.poolbench.diagnostics.InputException;
import io.github.poolbench.diagnostics.Location;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Serves the built site on the loopback address for preview. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the built site on http://127.0.0.1:PORT/ until interrupted (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8000", description = "Port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--out", paramLabel = "DIR", description = "The site to serve. Default: site/")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path site = (out != null ? out : PoolbenchCli.home().resolve("site")).toAbsolutePath().normalize();
        if (!Files.isDirectory(site)) {
            throw new InputException(Location.of(site), "no site to serve: run ./poolbench build first");
        }
        // Loopback only: a preview server has no business on other interfaces.
        HttpServer server = SimpleFileServer.createFileServer(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), site, SimpleFileServer.OutputLevel.NONE);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.stop(0);
            stopped.countDown();
        }, "poolbench-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        server.start();
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("Serving %s at http://127.0.0.1:%d/ (Ctrl-C to stop)%n", site, server.getAddress().getPort());
        writer.flush();
        stopped.await();
        return 0;
    }
}
