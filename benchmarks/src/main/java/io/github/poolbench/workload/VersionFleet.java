package io.github.poolbench.workload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The lesson's five Galaxy servers, played by local HTTP servers on 127.0.0.1.
 *
 * <p>Each server answers {@code GET /api/version} with {@code {"version_major": "…"}} after its own
 * latency. The latencies are spread so that the pool size matters, and one server is slower than
 * {@link VersionFetch#REQUEST_TIMEOUT the client's timeout}, so the lesson's timeout path runs on
 * every sweep. The servers bind to 127.0.0.1 on ephemeral ports and never anywhere else: the
 * benchmark sends traffic to this machine only.
 */
public final class VersionFleet implements AutoCloseable {

    /** The only address the fleet binds to (and the only host {@link VersionFetch} will call). */
    public static final String HOST = "127.0.0.1";

    /** The API path, as on a Galaxy server. */
    public static final String PATH = "/api/version";

    /**
     * One server of the fleet.
     *
     * @param name a label for charts and logs (never a real host)
     * @param latency how long the server waits before it answers
     * @param versionMajor what it answers
     */
    public record ServerSpec(String name, Duration latency, String versionMajor) {}

    /** A started server: its spec and the base URL ({@code http://127.0.0.1:port}) to fetch from. */
    public record Server(ServerSpec spec, String url) {}

    /**
     * The lesson's five servers. Four answer within 40 to 160 ms; "be" takes 500 ms, longer than the
     * client's 300 ms timeout, so it yields no version. Sequentially the fleet costs about 700 ms
     * (40 + 80 + 120 + 160 + 300); with 5 workers the timed-out request dominates. The 140 ms between
     * the slowest answer and the timeout leaves room for a busy machine.
     */
    public static final List<ServerSpec> LESSON = List.of(
            new ServerSpec("org", Duration.ofMillis(40), "24.2"),
            new ServerSpec("org.au", Duration.ofMillis(80), "24.1"),
            new ServerSpec("eu", Duration.ofMillis(120), "24.2"),
            new ServerSpec("fr", Duration.ofMillis(160), "23.1"),
            new ServerSpec("be", Duration.ofMillis(500), "23.0"));

    private final List<HttpServer> httpServers;
    private final List<Server> servers;
    private final ExecutorService handlers;

    private VersionFleet(List<HttpServer> httpServers, List<Server> servers, ExecutorService handlers) {
        this.httpServers = httpServers;
        this.servers = servers;
        this.handlers = handlers;
    }

    /** Starts the {@link #LESSON lesson's} five servers. */
    public static VersionFleet start() {
        return start(LESSON);
    }

    /** Starts one server per spec, each on its own ephemeral port of 127.0.0.1. */
    public static VersionFleet start(List<ServerSpec> specs) {
        // Virtual threads: a handler spends its life asleep, and a slow server may hold requests from
        // a previous, timed-out invocation while the next one arrives.
        ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
        List<HttpServer> started = new ArrayList<>();
        List<Server> servers = new ArrayList<>();
        try {
            InetAddress loopback = InetAddress.getByName(HOST);
            for (ServerSpec spec : specs) {
                HttpServer http = HttpServer.create(new InetSocketAddress(loopback, 0), 64);
                http.createContext(PATH, exchange -> answer(exchange, spec));
                http.setExecutor(handlers);
                http.start();
                started.add(http);
                servers.add(new Server(
                        spec, "http://" + HOST + ":" + http.getAddress().getPort()));
            }
        } catch (IOException | RuntimeException e) {
            stopAll(started, handlers);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new VersionFleet(List.copyOf(started), List.copyOf(servers), handlers);
    }

    /** The started servers, in spec order. */
    public List<Server> servers() {
        return servers;
    }

    /** The servers' base URLs, in spec order: the inputs of the fetch workload. */
    public List<String> urls() {
        return servers.stream().map(Server::url).toList();
    }

    /** Stops every server at once and shuts the handler executor down, waking sleeping handlers. */
    @Override
    public void close() {
        stopAll(httpServers, handlers);
    }

    private static void stopAll(List<HttpServer> servers, ExecutorService handlers) {
        servers.forEach(http -> http.stop(0));
        handlers.shutdownNow();
        try {
            if (!handlers.awaitTermination(5, TimeUnit.SECONDS)) {
                System.err.println("version fleet: handlers still running after 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, ServerSpec spec) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())
                    || !PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try {
                Thread.sleep(spec.latency());
            } catch (InterruptedException e) {
                // The fleet is closing: drop the request.
                Thread.currentThread().interrupt();
                return;
            }
            byte[] body = ("{\"version_major\": \"" + spec.versionMajor() + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } catch (IOException clientGaveUp) {
                // The client timed out and closed the connection: that is the point of the slow server.
            }
        }
    }
}
