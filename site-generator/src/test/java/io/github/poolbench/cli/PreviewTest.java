package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.site.BuildRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The serve command's preview: a loopback server that rebuilds when a lesson changes. */
class PreviewTest {

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a speed target
    void rebuildsOnChangeAndKeepsTheLastGoodSiteWhenABuildFails() throws Exception {
        Path content = temp.resolve("content");
        BuildRequest request = request();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (Preview preview =
                new Preview(request, new PrintWriter(out, true), new PrintWriter(err, true)).start(0, true)) {
            assertTrue(get(preview, "lesson.html").contains("Text after the chart."));

            Path lesson = content.resolve("lesson.md");
            Files.writeString(
                    lesson, Files.readString(lesson).replace("Text after the chart.", "Edited while serving."));
            awaitAtLeast(2, preview::builds);
            assertTrue(get(preview, "lesson.html").contains("Edited while serving."), out.toString() + err);

            Files.writeString(
                    lesson, Files.readString(lesson).replace("benchmark: SleepBenchmark.map", "benchmark: NoSuch.map"));
            awaitAtLeast(1, preview::failures);
            assertTrue(err.toString().contains("lesson.md:9: error: no benchmark 'NoSuch.map'"), err.toString());
            assertTrue(err.toString().contains("still serving the last good site"), err.toString());
            assertTrue(
                    get(preview, "lesson.html").contains("Edited while serving."),
                    "the last good site is still served");
        }
    }

    /** One stalled browser tab (or fifty) must not stall the preview: a normal request is answered while they stay open. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a hang guard, not a speed target
    void aNormalRequestIsAnsweredWhileFiftyHalfSentOnesStayOpen() throws Exception {
        BuildRequest request = request();
        List<Socket> stalled = new ArrayList<>();
        try (Preview preview = new Preview(
                                request, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                        .start(0, false);
                HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 50; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.port());
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                stalled.add(socket);
            }
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + "/"))
                            .timeout(Duration.ofSeconds(30)) // a hang guard: the old server never answered
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.printf(
                    "PreviewTest: answered in %.1f ms with 50 half-sent requests open%n",
                    (System.nanoTime() - start) / 1e6);

            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("<title>"), response.body());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** A build of copies of the fixtures into {@code site/}. */
    private BuildRequest request() throws IOException {
        Path content = Fixtures.copy(Fixtures.fixture("content"), temp.resolve("content"));
        Path results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results"));
        return new BuildRequest(content, Fixtures.templates(), results, temp.resolve("site"), Optional.empty(), false);
    }

    private static String get(Preview preview, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + preview.port() + "/" + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** Waits for the watcher's rebuild; the test's timeout ends a wait that never succeeds. */
    private static void awaitAtLeast(int count, IntSupplier counter) throws InterruptedException {
        while (counter.getAsInt() < count) {
            Thread.sleep(20);
        }
    }
}
