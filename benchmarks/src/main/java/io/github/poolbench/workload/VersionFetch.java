package io.github.poolbench.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lesson's {@code fetch_version(server_url)}, done right: it reads the server from its
 * parameter (the seed lesson's version read a global {@code url} instead).
 *
 * <p>The input is a plain URL string, so the task ships to a worker process as easily as to a
 * thread. Each JVM makes its own {@link HttpClient} lazily, the first time it fetches: a worker
 * process never receives a client, only URLs.
 *
 * <p>It needs nothing beyond the JDK, so the site can offer the workloads in one jar with the pool,
 * and a reader's example runs with that jar alone: the answer is one known field of a server this
 * package runs, so a pattern reads it, not a JSON library.
 */
public final class VersionFetch {

    /** How long to wait for the TCP connection. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    /**
     * How long to wait for the answer, like the lesson's {@code timeout=2} (scaled down). It counts
     * from the send, so a cold worker's first request also pays for class loading in it.
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);

    /** The one field a {@link VersionFleet} server answers: {@code {"version_major": "24.2"}}. */
    private static final Pattern VERSION_MAJOR =
            Pattern.compile("\\{\\s*\"version_major\"\\s*:\\s*\"([^\"\\\\]*)\"\\s*}");

    private VersionFetch() {}

    /** Initialised on first use, once per JVM: the lazy, per-worker client. */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                // Loopback only: never let a proxy setting send these requests elsewhere.
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /**
     * Asks {@code serverUrl + "/api/version"} for its {@code version_major}.
     *
     * @param serverUrl a base URL on 127.0.0.1, e.g. {@code http://127.0.0.1:41234}
     * @return the version, or {@code null} when the server did not answer in time (connect or
     *     request timeout), like the lesson's {@code None}
     * @throws IllegalArgumentException if the URL is not on 127.0.0.1
     * @throws IllegalStateException if the server answers something other than a version
     * @throws UncheckedIOException on any other I/O failure, such as a refused connection
     */
    public static String fetchVersion(String serverUrl) {
        return fetchVersion(serverUrl, REQUEST_TIMEOUT);
    }

    /**
     * {@link #fetchVersion(String)} with another request timeout: tests give fast servers a wide
     * margin so that a busy machine cannot turn an answer into a timeout.
     */
    public static String fetchVersion(String serverUrl, Duration requestTimeout) {
        URI uri = URI.create(serverUrl + VersionFleet.PATH);
        if (!VersionFleet.HOST.equals(uri.getHost())) {
            throw new IllegalArgumentException("fetch only talks to " + VersionFleet.HOST + ": " + serverUrl);
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        HttpResponse<String> response;
        try {
            response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // Connect and request timeouts alike (HttpConnectTimeoutException is a subclass).
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("fetching " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered HTTP " + response.statusCode());
        }
        Matcher version = VERSION_MAJOR.matcher(response.body().strip());
        if (!version.matches()) {
            throw new IllegalStateException(uri + " answered no version_major: " + response.body());
        }
        return version.group(1);
    }
}
