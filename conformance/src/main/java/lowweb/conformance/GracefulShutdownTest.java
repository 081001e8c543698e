package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Fingerprints.fingerprint;
import static lowweb.conformance.Requests.closingHead;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.largeFile;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import lowweb.conformance.AccessLogFile.Line;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SIGTERM the server stops accepting connections, lets the responses under way finish, flushes the access log and
 * exits. The download here is 50 MiB, far more than the sockets' buffers hold, and the test does not read it until
 * after the signal: the server is still writing when it is told to stop.
 */
@Tag("stage5")
@Timeout(30)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: SIGTERM stops the server gracefully (RFC 9112 §9.6, course requirement)")
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no SIGTERM: a process stopped from outside ends at"
        + " once, without running its shutdown hooks")
class GracefulShutdownTest {

    private static final int LARGE = 50 << 20;
    private static final String BIN = "\"mimeTypes\": {\"bin\": \"application/octet-stream\"}";
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

    @Test
    @DisplayName("SIGTERM during a download: every byte still arrives, the server exits, and the log has its 200 line")
    @Tag("step5.7")
    void downloadInFlightFinishes(Servers servers, @TempDir Path dir) {
        Path file = largeFile(dir.resolve("site/large.bin"), LARGE);
        TestServer server = startedWithLog(servers, dir, file.getParent(), BIN);
        WireResponse response;

        try (RawConnection download = startDownload(server)) {
            server.terminate();
            response = download.readResponse(false, RawClient.CLOSE_EXPECTED);
        }
        server.awaitExit();

        assertThat(response.status()).isEqualTo(200);
        assertThat(fingerprint(response.body())).as("the body").isEqualTo(fingerprint(file));
        assertThat(accessLog(dir).lines()).extracting(Line::outcome)
                .containsExactly("GET /large.bin HTTP/1.1 200 " + LARGE);
    }

    @Test
    @DisplayName("After SIGTERM a new connection is refused, while the download under way goes on")
    @Tag("step5.7")
    void refusesNewConnections(Servers servers, @TempDir Path dir) {
        Path file = largeFile(dir.resolve("site/large.bin"), LARGE);
        TestServer server = startedWithLog(servers, dir, file.getParent(), BIN);

        try (RawConnection download = startDownload(server)) {
            server.terminate();

            assertThat(server.refusesConnectionsWithin(ANSWER_WAIT)).as("a new connection refused").isTrue();
            assertThat(server.isRunning()).as("the server, while the download is unread").isTrue();
            assertThat(download.readResponse().body().length).as("bytes downloaded").isEqualTo(LARGE);
        }
    }

    @Test
    @DisplayName("SIGTERM flushes the access log: once the server has exited, every request has its line")
    @Tag("step5.7")
    void logFlushedOnExit(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"));
        get(server, "/hello.txt");
        get(server, "/missing.txt");

        server.stop();

        assertThat(accessLog(dir).lines()).extracting(Line::request, Line::status).containsExactly(
                tuple("GET /hello.txt HTTP/1.1", 200),
                tuple("GET /missing.txt HTTP/1.1", 404));
    }

    /** A GET of /large.bin whose response has begun to arrive, and which the test has not read yet. */
    private static RawConnection startDownload(TestServer server) {
        RawConnection download = server.raw().open();
        download.write(closingHead(server, "GET /large.bin HTTP/1.1"));
        assertThat(download.awaitAnswer(ANSWER_WAIT)).as("the response has begun").isTrue();
        return download;
    }
}
