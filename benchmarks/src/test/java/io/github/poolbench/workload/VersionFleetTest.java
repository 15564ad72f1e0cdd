package io.github.poolbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real servers on real loopback sockets: the fleet the fetch benchmark uses. */
class VersionFleetTest {

    /**
     * Far beyond the fast servers' answers, far below the slow one's: no busy machine changes an
     * outcome. 2 s was not enough for a fresh worker JVM's first request at a load of 18.
     */
    static final Duration WIDE_TIMEOUT = Duration.ofSeconds(8);

    /** Instant answers, and one server that answers after 60 s, always past any timeout used here. */
    static final List<VersionFleet.ServerSpec> MARGINS = List.of(
            new VersionFleet.ServerSpec("a", Duration.ZERO, "24.2"),
            new VersionFleet.ServerSpec("b", Duration.ZERO, "24.1"),
            new VersionFleet.ServerSpec("c", Duration.ZERO, "24.2"),
            new VersionFleet.ServerSpec("d", Duration.ZERO, "23.1"),
            new VersionFleet.ServerSpec("slow", Duration.ofSeconds(60), "23.0"));

    static final List<String> EXPECTED = java.util.Arrays.asList("24.2", "24.1", "24.2", "23.1", null);

    private static VersionFleet fleet;

    @BeforeAll
    static void startFleet() {
        fleet = VersionFleet.start(MARGINS);
    }

    @AfterAll
    static void stopFleet() {
        fleet.close();
    }

    @Test
    void theLessonFleetIsFiveServersOnDistinctLoopbackPorts() {
        try (VersionFleet lesson = VersionFleet.start()) {
            List<String> urls = lesson.urls();
            assertEquals(5, urls.size());
            assertEquals(5, urls.stream().distinct().count());
            for (String url : urls) {
                URI uri = URI.create(url);
                assertEquals("127.0.0.1", uri.getHost());
                assertTrue(uri.getPort() > 0);
            }
        }
    }

    @Test
    void theLessonFleetHasOneServerSlowerThanTheClientTimeout() {
        long slow = VersionFleet.LESSON.stream()
                .filter(s -> s.latency().compareTo(VersionFetch.REQUEST_TIMEOUT) > 0)
                .count();
        assertEquals(1, slow);
    }

    @ParameterizedTest(name = "server {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void eachServerAnswersItsVersionOrTimesOut(int i) {
        assertEquals(EXPECTED.get(i), VersionFetch.fetchVersion(fleet.urls().get(i), WIDE_TIMEOUT));
    }

    @Test
    void theDefaultTimeoutGivesNoVersionForASlowServer() {
        assertNull(VersionFetch.fetchVersion(fleet.urls().getLast()));
    }

    @Test
    void concurrentFetchesGiveTheSameAnswersInInputOrder() throws Exception {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> futures = fleet.urls().stream()
                    .map(url -> executor.submit(() -> VersionFetch.fetchVersion(url, WIDE_TIMEOUT)))
                    .toList();
            List<String> versions = new java.util.ArrayList<>();
            for (Future<String> f : futures) {
                versions.add(f.get());
            }
            assertEquals(EXPECTED, versions);
        }
    }

    @Test
    void otherPathsAreNotFound() throws Exception {
        try (HttpClient client =
                HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(fleet.urls().getFirst() + "/api/other"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, response.statusCode());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:80", "http://10.0.0.1:80", "http://example.org"})
    void refusesAnythingButLoopbackIp(String url) {
        assertThrows(IllegalArgumentException.class, () -> VersionFetch.fetchVersion(url));
    }

    @Test
    void aStoppedServerIsAnErrorNotATimeout() {
        String url;
        try (VersionFleet one =
                VersionFleet.start(List.of(new VersionFleet.ServerSpec("gone", Duration.ZERO, "1.0")))) {
            url = one.urls().getFirst();
            assertEquals("1.0", VersionFetch.fetchVersion(url, WIDE_TIMEOUT));
        }
        // A wide timeout too: on a busy machine the refusal must still come before any deadline.
        assertThrows(UncheckedIOException.class, () -> VersionFetch.fetchVersion(url, WIDE_TIMEOUT));
    }
}
