package io.github.poolbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.Fixtures;
import io.github.poolbench.site.BuildRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path content = Fixtures.copy(Fixtures.fixture("content"), temp.resolve("content"));
        Path results = Fixtures.copy(Fixtures.fixture("results"), temp.resolve("results"));
        BuildRequest request =
                new BuildRequest(content, Fixtures.templates(), results, temp.resolve("site"), Optional.empty(), false);
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
