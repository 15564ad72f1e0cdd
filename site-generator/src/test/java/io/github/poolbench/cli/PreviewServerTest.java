package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.assets.AssetPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The preview's server over real sockets: slow clients, the connection bound, stop, and what it serves. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // hang guards, not speed targets
class PreviewServerTest {

    private static final String HALF = "GET / HTTP/1.1\r\nHost: x\r\n";

    @TempDir
    Path temp;

    Path site;

    @BeforeEach
    void aSite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<title>home</title>\n");
        Files.writeString(Files.createDirectories(site.resolve("sub")).resolve("index.html"), "sub\n");
        Files.writeString(site.resolve(".poolbench-site"), "stamp\n");
        Files.writeString(temp.resolve("secret.txt"), "secret\n");
        Files.createSymbolicLink(site.resolve("out.txt"), temp.resolve("secret.txt"));
    }

    @Test
    void fiftyHalfSentRequestsStayOpenWhileANormalOneIsAnsweredAndStopEndsEveryThread() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        List<Thread> running;
        try (PreviewServer server = new PreviewServer(site, 0, Duration.ofMinutes(5), PreviewServer.MAX_CONNECTIONS)) {
            for (int i = 0; i < 50; i++) {
                stalled.add(send(server, HALF));
            }
            awaitConnections(server, 50);

            long start = System.nanoTime();
            String response = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            System.out.printf(
                    "PreviewServerTest: answered in %.1f ms with 50 half-sent requests open%n",
                    (System.nanoTime() - start) / 1e6);

            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("\r\n\r\n<title>home</title>\n"), response);
            for (Socket socket : stalled) {
                assertStillOpen(socket);
            }
            running = server.threads();
            assertTrue(running.size() >= 51, running.toString()); // the acceptor and one per stalled client
        }
        for (Thread thread : running) {
            assertFalse(thread.isAlive(), thread + " outlived close()");
        }
        for (Socket socket : stalled) {
            assertEquals(-1, socket.getInputStream().read(), "stop closed the stalled connection");
            socket.close();
        }
    }

    @Test
    void aHeadNotSentInTimeIsAnswered408AndClosed() throws Exception {
        try (PreviewServer server = new PreviewServer(site, 0, Duration.ofMillis(300), PreviewServer.MAX_CONNECTIONS);
                Socket socket = send(server, HALF)) {
            String response = readAll(socket);

            assertEquals(
                    "HTTP/1.1 408 Request Timeout\r\nContent-Security-Policy: " + AssetPolicy.CONTENT_SECURITY_POLICY
                            + "\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nConnection: close\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 20\r\n\r\n"
                            + "408 Request Timeout\n",
                    response);
        }
    }

    @Test
    void atTheBoundTheOldestIncompleteHeadIsDroppedForANewClient() throws Exception {
        try (PreviewServer server = new PreviewServer(site, 0, Duration.ofMinutes(5), 4)) {
            List<Socket> stalled = new ArrayList<>();
            for (int i = 1; i <= 4; i++) {
                stalled.add(send(server, HALF));
                awaitConnections(server, i); // so that the server saw them in this order
            }

            String response = exchange(server, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");

            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertEquals("", readAll(stalled.get(0)), "the oldest was dropped, unanswered");
            for (Socket socket : stalled.subList(1, 4)) {
                assertStillOpen(socket);
            }
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a page                 | GET /index.html HTTP/1.1   | HTTP/1.1 200 OK         | Content-Type: text/html; charset=utf-8",
                "a folder's index       | GET /sub/ HTTP/1.1         | HTTP/1.1 200 OK         | Content-Length: 4",
                "a folder without slash | GET /sub?x=1 HTTP/1.1      | HTTP/1.1 301 Moved Permanently | Location: /sub/?x=1",
                "HEAD                   | HEAD /index.html HTTP/1.1  | HTTP/1.1 200 OK         | Content-Length: 20",
                "out of the folder      | GET /../secret.txt HTTP/1.1 | HTTP/1.1 404 Not Found | Content-Length: 14",
                "out, percent-encoded   | GET /%2e%2e/secret.txt HTTP/1.1 | HTTP/1.1 404 Not Found | Content-Length: 14",
                "a link leading out     | GET /out.txt HTTP/1.1      | HTTP/1.1 404 Not Found  | Content-Length: 14",
                "a hidden file          | GET /.poolbench-site HTTP/1.1 | HTTP/1.1 404 Not Found | Content-Length: 14",
                "missing                | GET /nothing.html HTTP/1.1 | HTTP/1.1 404 Not Found  | Content-Length: 14",
                "another method         | POST / HTTP/1.1            | HTTP/1.1 405 Method Not Allowed | Allow: GET, HEAD",
                "not HTTP               | hello                      | HTTP/1.1 400 Bad Request | Content-Length: 16",
            })
    void everyAnswerCarriesThePolicy(String name, String line, String status, String header) throws Exception {
        try (PreviewServer server = new PreviewServer(site, 0)) {
            String response = exchange(server, line + "\r\nHost: x\r\n\r\n");

            assertTrue(response.startsWith(status + "\r\n"), response);
            List<String> headers =
                    response.substring(0, response.indexOf("\r\n\r\n")).lines().toList();
            assertTrue(headers.contains("Content-Security-Policy: " + AssetPolicy.CONTENT_SECURITY_POLICY), response);
            assertTrue(headers.contains("X-Content-Type-Options: nosniff"), response);
            assertTrue(headers.contains(header), response);
            assertFalse(response.contains("secret"), response);
            if (line.startsWith("HEAD")) {
                assertTrue(response.endsWith("\r\n\r\n"), "no body: " + response);
            }
        }
    }

    private static Socket send(PreviewServer server, String text) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String exchange(PreviewServer server, String request) throws IOException {
        try (Socket socket = send(server, request)) {
            return readAll(socket);
        }
    }

    /** Everything until the server closes; the socket timeout is a hang guard. */
    private static String readAll(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** Nothing to read and not closed: a read waits until its timeout. */
    private static void assertStillOpen(Socket socket) throws IOException {
        socket.setSoTimeout(20);
        assertThrows(SocketTimeoutException.class, () -> socket.getInputStream().read());
    }

    /** Waits until the server holds {@code count} connections; the class timeout ends a wait that never succeeds. */
    private static void awaitConnections(PreviewServer server, int count) throws InterruptedException {
        while (server.connections() < count) {
            Thread.sleep(10);
        }
    }
}
