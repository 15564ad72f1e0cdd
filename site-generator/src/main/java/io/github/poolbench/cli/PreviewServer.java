package io.github.poolbench.cli;

import io.github.poolbench.assets.AssetPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The preview's static file server on the loopback address. A client that sends half a request and
 * waits must not stall the others (a stalled browser tab, a second tab): each connection is read
 * on its own virtual thread, a request head not complete within {@link #HEAD_TIMEOUT} is answered
 * 408 and closed, and at most {@link #MAX_CONNECTIONS} connections are open at once: when a new
 * one would pass the bound, the oldest one still sending its head is dropped for it. One request
 * per connection ({@code Connection: close}), GET and HEAD only, files under the site's folder
 * only (no {@code ..}, no hidden files, no link leading out), every response with the site's
 * Content-Security-Policy.
 */
final class PreviewServer implements AutoCloseable {

    /** Time to send a whole request head; a browser sends one at once. */
    static final Duration HEAD_TIMEOUT = Duration.ofSeconds(5);
    /** Time to send a response before the connection is dropped: a client that stops reading holds no thread longer. */
    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    /** Well above what browsers open to one host (six) even with several tabs. */
    static final int MAX_CONNECTIONS = 64;

    private static final int MAX_HEAD = 16 * 1024;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Path root;
    private final Duration headTimeout;
    private final int maxConnections;
    private final ServerSocket server;
    private final Thread acceptor;
    /** Open connections in the order they came (guarded by {@code this}). */
    private final LinkedHashSet<Connection> open = new LinkedHashSet<>();
    /** Every thread started and not yet ended (guarded by {@code this}). */
    private final Set<Thread> threads = new HashSet<>();

    private volatile boolean closed;

    /** One client connection; {@code deadline} is its head's until the head is read, then its response's. */
    private static final class Connection {
        final Socket socket;
        volatile long deadline;
        volatile boolean headRead;

        Connection(Socket socket, long deadline) {
            this.socket = socket;
            this.deadline = deadline;
        }
    }

    PreviewServer(Path root, int port) throws IOException {
        this(root, port, HEAD_TIMEOUT, MAX_CONNECTIONS);
    }

    PreviewServer(Path root, int port, Duration headTimeout, int maxConnections) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.headTimeout = headTimeout;
        this.maxConnections = maxConnections;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setSoTimeout(200); // the accept loop wakes up to drop connections past their deadline
        acceptor = Thread.ofPlatform().name("poolbench-serve-accept").daemon().unstarted(this::accept);
        synchronized (this) {
            threads.add(acceptor);
        }
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Open connections, for tests. */
    synchronized int connections() {
        return open.size();
    }

    /** The threads running now, for tests: none is left once {@link #close()} returns. */
    synchronized List<Thread> threads() {
        return List.copyOf(threads);
    }

    private void accept() {
        try {
            while (!closed) {
                try {
                    admit(server.accept());
                } catch (SocketTimeoutException e) {
                    // time to look at the deadlines
                } catch (IOException e) {
                    if (closed) {
                        return;
                    }
                }
                expire();
            }
        } finally {
            ended();
        }
    }

    private synchronized void admit(Socket socket) {
        if (closed) {
            quietly(socket);
            return;
        }
        if (open.size() >= maxConnections) {
            Connection oldest =
                    open.stream().filter(c -> !c.headRead).findFirst().orElse(null);
            if (oldest == null) { // every connection is being answered: the newcomer waits for none of them
                quietly(socket);
                return;
            }
            open.remove(oldest);
            quietly(oldest.socket);
        }
        Connection connection = new Connection(socket, System.nanoTime() + headTimeout.toNanos());
        open.add(connection);
        Thread thread = Thread.ofVirtual().name("poolbench-serve-connection").unstarted(() -> serve(connection));
        threads.add(thread);
        thread.start();
    }

    /** Drops the connections whose head or response is overdue (a read times out on its own; a write does not). */
    private synchronized void expire() {
        long now = System.nanoTime();
        open.removeIf(c -> {
            boolean overdue = now - c.deadline > 0 && c.headRead;
            if (overdue) {
                quietly(c.socket);
            }
            return overdue;
        });
    }

    private void serve(Connection connection) {
        try (Socket socket = connection.socket) {
            String head = head(connection);
            connection.deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
            connection.headRead = true;
            OutputStream out = socket.getOutputStream();
            if (head == null) {
                respond(out, 408, "Request Timeout", List.of(), null);
                socket.shutdownOutput();
                return;
            }
            answer(head, out);
            socket.shutdownOutput(); // the whole answer reaches the client before the close
        } catch (IOException e) {
            // the client left, or was dropped: nothing to answer
        } finally {
            synchronized (this) {
                open.remove(connection);
            }
            ended();
        }
    }

    private synchronized void ended() {
        threads.remove(Thread.currentThread());
    }

    /** The request head up to its blank line, or null when it did not come in time. */
    private String head(Connection connection) throws IOException {
        Socket socket = connection.socket;
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[MAX_HEAD];
        int length = 0;
        while (true) {
            long left = (connection.deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int read;
            try {
                read = in.read(buffer, length, buffer.length - length);
            } catch (SocketTimeoutException e) {
                return null;
            }
            if (read < 0) {
                throw new IOException("the client closed the connection");
            }
            length += read;
            String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0 || (end = text.indexOf("\n\n")) >= 0) {
                return text.substring(0, end);
            }
            if (length == buffer.length) {
                return ""; // too long: answered as a bad request
            }
        }
    }

    private void answer(String head, OutputStream out) throws IOException {
        String[] request = head.lines().findFirst().orElse("").split(" ");
        if (request.length != 3 || !request[2].startsWith("HTTP/")) {
            respond(out, 400, "Bad Request", List.of(), null);
            return;
        }
        String method = request[0];
        if (!method.equals("GET") && !method.equals("HEAD")) {
            respond(out, 405, "Method Not Allowed", List.of("Allow: GET, HEAD"), null);
            return;
        }
        String target = request[1];
        int query = target.indexOf('?');
        String path;
        try {
            path = URI.create(query < 0 ? target : target.substring(0, query)).getPath();
        } catch (IllegalArgumentException e) {
            respond(out, 400, "Bad Request", List.of(), null);
            return;
        }
        Path file = resolve(path);
        if (file == null) {
            respond(out, 404, "Not Found", List.of(), null);
            return;
        }
        if (Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                respond(
                        out,
                        301,
                        "Moved Permanently",
                        List.of("Location: " + request[1].replaceFirst("\\?|$", "/$0")),
                        null);
                return;
            }
            file = resolve(path + "index.html");
            if (file == null || !Files.isRegularFile(file)) {
                respond(out, 404, "Not Found", List.of(), null);
                return;
            }
        }
        respond(out, 200, "OK", List.of("Content-Type: " + type(file)), method.equals("GET") ? file : null, file);
    }

    /** The file a path names inside the site, or null: no {@code ..}, no hidden files, nothing a link leads out to. */
    private Path resolve(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return null;
        }
        for (String part : path.substring(1).split("/")) {
            if (part.startsWith(".")) {
                return null;
            }
        }
        Path file = root.resolve(path.substring(1)).normalize();
        try {
            if (!file.startsWith(root) || !Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            return file.toRealPath().startsWith(root.toRealPath()) ? file : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String type = URLConnection.getFileNameMap().getContentTypeFor(name);
        if (name.endsWith(".svg")) {
            type = "image/svg+xml";
        } else if (name.endsWith(".java")) {
            type = "text/plain";
        }
        if (type == null) {
            return "application/octet-stream";
        }
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    private static void respond(OutputStream out, int status, String reason, List<String> headers, Path body)
            throws IOException {
        respond(out, status, reason, headers, body, null);
    }

    /** Writes a response; {@code length} is the file whose size a HEAD answer gives. */
    private static void respond(
            OutputStream out, int status, String reason, List<String> headers, Path body, Path length)
            throws IOException {
        byte[] text = (status + " " + reason + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        lines.add("HTTP/1.1 " + status + " " + reason);
        lines.add("Content-Security-Policy: " + AssetPolicy.CONTENT_SECURITY_POLICY);
        lines.add("X-Content-Type-Options: nosniff");
        lines.add("Cache-Control: no-cache");
        lines.add("Connection: close");
        lines.addAll(headers);
        Path sized = body != null ? body : length;
        if (sized != null) {
            lines.add("Content-Length: " + Files.size(sized));
        } else {
            lines.add("Content-Type: text/plain; charset=utf-8");
            lines.add("Content-Length: " + text.length);
        }
        out.write((String.join("\r\n", lines) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            try (InputStream in = Files.newInputStream(body)) {
                in.transferTo(out);
            }
        } else if (sized == null) {
            out.write(text);
        }
        out.flush();
    }

    /** Stops accepting, drops every connection and waits for every thread this server started. */
    @Override
    public void close() {
        closed = true;
        quietly(server);
        List<Thread> running;
        synchronized (this) {
            open.forEach(c -> quietly(c.socket));
            open.clear();
            running = List.copyOf(threads);
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread thread : running) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void quietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // closing is all that is asked: a socket that failed to close is gone anyway
        }
    }
}
