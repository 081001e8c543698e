package lowweb.conformance;

import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.ResponseAssertions.assertClosedSilently;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.ServerExtension.sharedSite;
import static lowweb.conformance.SettingsFiles.json;
import static lowweb.conformance.SettingsFiles.refusal;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two settings bound what a persistent connection may cost: {@code keepAliveTimeoutMs}, how long an idle connection
 * is kept waiting for its next request, and {@code maxRequestsPerConnection}, how many requests one connection may
 * carry. {@code headerTimeoutMs} still bounds each request head, counted from the head's first byte.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: keepAliveTimeoutMs and maxRequestsPerConnection bound a persistent connection (RFC 9112 §9.5)")
class KeepAliveSettingsTest {

    private static final int KEEP_ALIVE_MS = 400;
    /** Well within {@link #KEEP_ALIVE_MS}, however busy the machine. */
    private static final Duration SHORT_PAUSE = Duration.ofMillis(100);

    @Test
    @DisplayName("keepAliveTimeoutMs: a connection left idle that long after a response is closed without a single"
            + " byte (RFC 9112 §9.5)")
    @Tag("step6.4")
    void idleConnectionIsClosedSilently(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, sharedSite(), "\"keepAliveTimeoutMs\": " + KEEP_ALIVE_MS);

        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));

            assertClosedSilently(connection, Duration.ofMillis(KEEP_ALIVE_MS).plusSeconds(2));
        }
    }

    @Test
    @DisplayName("keepAliveTimeoutMs counts idle time only: requests 100 ms apart keep a connection with a 400 ms"
            + " time-out open for well over a second (RFC 9112 §9.5)")
    @Tag("step6.4")
    void busyConnectionStaysOpen(Servers servers, @TempDir Path dir) throws InterruptedException {
        TestServer server = startedWithSettings(servers, dir, sharedSite(), "\"keepAliveTimeoutMs\": " + KEEP_ALIVE_MS);

        try (RawConnection connection = server.raw().open()) {
            for (int request = 1; request <= 12; request++) {
                WireResponse response = persistentGet(connection, server, "/hello.txt");

                assertThat(response.status()).as("status of request %d", request).isEqualTo(200);
                assertPersists(response);
                Thread.sleep(SHORT_PAUSE);
            }
        }
    }

    @Test
    @DisplayName("Without settings an idle connection is kept for seconds (keepAliveTimeoutMs 5000): a request after"
            + " 1.5 s of quiet is answered on it")
    @Tag("step6.1")
    void defaultKeepAliveTimeout(TestServer server) throws InterruptedException {
        assertAnswersAfterQuiet(server, Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("maxRequestsPerConnection 3: the first two responses say keep-alive, the third Connection: close,"
            + " and then the server closes (RFC 9112 §9.6)")
    @Tag("step6.4")
    void maxRequestsPerConnection(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, sharedSite(), "\"maxRequestsPerConnection\": 3");

        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));
            assertPersists(persistentGet(connection, server, "/robots.txt"));
            WireResponse third = persistentGet(connection, server, "/hello.txt");

            assertThat(third.status()).isEqualTo(200);
            assertLastResponse(third, connection);
        }
    }

    @Test
    @DisplayName("headerTimeoutMs 500 counts from the first byte of each head: a request sent after 800 ms of quiet"
            + " on a persistent connection is answered, not refused with 408 (RFC 9110 §15.5.9)")
    @Tag("step6.4")
    void headerTimeoutStartsWithEachHead(Servers servers, @TempDir Path dir) throws InterruptedException {
        TestServer server = startedWithSettings(servers, dir, sharedSite(), "\"headerTimeoutMs\": 500");

        assertAnswersAfterQuiet(server, Duration.ofMillis(800));
    }

    @Test
    @DisplayName("A second head left unfinished for headerTimeoutMs gets 408 with Connection: close, then the server"
            + " closes (RFC 9110 §15.5.9, RFC 9112 §9.6)")
    @Tag("step6.1")
    void unfinishedSecondHead(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, sharedSite(), "\"headerTimeoutMs\": 300");

        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));

            connection.write("GET /robots.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n");
            WireResponse timedOut = connection.readNextResponse();

            assertThat(timedOut.status()).isEqualTo(408);
            assertLastResponse(timedOut, connection);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            keepAliveTimeoutMs       | -250
            keepAliveTimeoutMs       | "5s"
            maxRequestsPerConnection | 2.5
            """)
    @DisplayName("keepAliveTimeoutMs and maxRequestsPerConnection must be whole numbers of at least 1: another value"
            + " is refused at start-up with one line that names the key and the value")
    @Tag("step6.4")
    void badValueIsRefused(String key, String value, Servers servers, @TempDir Path dir) {
        Path root = write(dir, "site/index.html", "<p>never served</p>\n").getParent();
        Path settings = write(dir, "settings.json",
                "{\"port\": 0, \"root\": " + json(root) + ", \"" + key + "\": " + value + "}");

        String line = refusal(servers.exitOf("--config", settings.toString()));

        assertThat(line).as("the error line").contains("\"" + key + "\"", value.replace("\"", ""));
    }

    /** A request that comes {@code quiet} after the first response on a connection is answered on it. */
    private static void assertAnswersAfterQuiet(TestServer server, Duration quiet) throws InterruptedException {
        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));
            Thread.sleep(quiet);

            WireResponse later = persistentGet(connection, server, "/robots.txt");

            assertServes(later, "/robots.txt");
            assertPersists(later);
        }
    }
}
