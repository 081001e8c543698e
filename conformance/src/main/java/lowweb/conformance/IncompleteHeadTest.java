package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9112 §8: a server that receives an incomplete request "MAY send an error response prior to closing the
 * connection". A client that began a head and then closed its sending side ({@code nc -N}, a shutdown) can still
 * read: it gets 400 instead of a close without a word, and the access log shows the request that came. The empty line
 * that RFC 9112 §2.2 lets a client send before a request begins nothing, so a client that sent only that is closed
 * without an answer, as one that sent nothing is.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a request head that ends early is answered with 400 and logged (RFC 9112 §8)")
class IncompleteHeadTest {

    private static final Duration HEADER_TIMEOUT = Duration.ofMillis(500);

    static Stream<Arguments> cutShort() {
        return Stream.of(
                Arguments.of("the empty line that ends the head never came", "GET /hello.txt HTTP/1.1\r\nHost: x\r\n",
                        "GET /hello.txt HTTP/1.1"),
                Arguments.of("a field line cut off", "GET /hello.txt HTTP/1.1\r\nHost: x\r\nAccept: te",
                        "GET /hello.txt HTTP/1.1"),
                Arguments.of("the request line cut off", "GET /hello.txt HTT", "-"),
                Arguments.of("a request line without a version (HTTP/0.9), then the end", "GET /hello.txt\r\n",
                        "GET /hello.txt"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cutShort")
    @DisplayName("A head that ends before its empty line gets 400 with Connection: close, and one line in the access"
            + " log (RFC 9112 §8)")
    @Tag("step8.9")
    void cutShortGets400(String what, String sent, String loggedRequest, Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"));
        WireResponse response;
        try (RawConnection connection = server.raw().open()) {
            connection.write(sent);
            connection.shutdownOutput();

            response = connection.readResponse(false, RawClient.CLOSE_EXPECTED);
        }

        assertThat(response.status()).as("status").isEqualTo(400);
        assertThat(response.field("Connection")).as("Connection").contains("close");
        assertThat(response.closed()).as("connection closed after the 400").isTrue();
        assertThat(accessLog(dir).awaitLines(1)).extracting(AccessLogFile.Line::request, AccessLogFile.Line::status)
                .as("the access log").containsExactly(tuple(loggedRequest, 400));
    }

    @Test
    @DisplayName("A HEAD whose head ends early gets the 400's head and no body (RFC 9112 §8, RFC 9110 §9.3.2)")
    @Tag("step8.9")
    void headCutShort(TestServer server) {
        WireResponse response;
        try (RawConnection connection = server.raw().open()) {
            connection.write("HEAD /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n");
            connection.shutdownOutput();

            response = connection.readResponse(true, RawClient.CLOSE_EXPECTED);
        }

        assertThat(response.status()).as("status").isEqualTo(400);
        assertThat(response.field("Content-Length")).as("Content-Length").isPresent();
        assertThat(response.trailingBytes()).as("bytes after the head").isEmpty();
    }

    @Test
    @DisplayName("An empty line and then the end is no request: the connection closes without an answer and without a"
            + " line in the access log (RFC 9112 §2.2)")
    @Tag("step8.9")
    void emptyLineThenEnd(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"));
        try (RawConnection connection = server.raw().open()) {
            connection.write("\r\n");
            connection.shutdownOutput();

            assertThat(connection.readUntilClose(RawClient.CLOSE_EXPECTED)).as("bytes before the close").isEmpty();
            assertThat(connection.closedByServer()).as("closed by the server").isTrue();
        }

        // A request after it is the only line: the log is written in order, so a line for the empty one would be first.
        assertThat(Requests.get(server, "/hello.txt").status()).isEqualTo(200);
        assertThat(accessLog(dir).awaitLines(1)).extracting(AccessLogFile.Line::request)
                .as("the access log").containsExactly("GET /hello.txt HTTP/1.1");
    }

    @Test
    @DisplayName("An empty line and then silence is no request either: when headerTimeoutMs is up, the connection"
            + " closes without a 408 (RFC 9112 §2.2, RFC 9110 §15.5.9)")
    @Tag("step8.9")
    void emptyLineThenSilence(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"),
                "\"headerTimeoutMs\": " + HEADER_TIMEOUT.toMillis());
        try (RawConnection connection = server.raw().open()) {
            connection.write("\r\n");

            assertThat(connection.readUntilClose(RawClient.CLOSE_EXPECTED)).as("bytes before the close").isEmpty();
            assertThat(connection.closedByServer()).as("closed by the server").isTrue();
        }
    }
}
