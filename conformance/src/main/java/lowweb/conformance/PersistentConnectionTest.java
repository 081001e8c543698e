package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Requests.exchange;
import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.ResponseAssertions.assertStillOpen;
import static lowweb.conformance.ServerExtension.sharedSite;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.siteFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An HTTP/1.1 connection carries one request after another until one side says {@code Connection: close}; an
 * HTTP/1.0 connection only when the client asks for {@code keep-alive}. Every response says which it is. A refusal
 * of a well-formed request leaves the connection as good as before. The server serves {@code shared-site}.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a connection persists from one request to the next (RFC 9112 §9.3)")
class PersistentConnectionTest {

    @Test
    @DisplayName("Three requests one after another on one connection each get their file and Connection: keep-alive,"
            + " and the connection stays open after the third (RFC 9112 §9.3)")
    @Tag("step6.1")
    void requestsOneAfterAnother(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            for (String target : List.of("/hello.txt", "/index.html", "/css/style.css")) {
                WireResponse response = persistentGet(connection, server, target);

                assertServes(response, target);
                assertPersists(response);
            }
            assertStillOpen(connection);
        }
    }

    @Test
    @DisplayName("HTTP/1.0 persists only when asked: after Connection: keep-alive the connection stays open, and the"
            + " next HTTP/1.0 request without it gets Connection: close and a closed connection (RFC 9112 §9.3)")
    @Tag("step6.3")
    void http10PersistsOnlyWhenAsked(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            WireResponse asked = exchange(connection, "GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

            assertThat(asked.status()).isEqualTo(200);
            assertPersists(asked);

            WireResponse notAsked = exchange(connection, "GET /robots.txt HTTP/1.0\r\n\r\n");

            assertServes(notAsked, "/robots.txt");
            assertLastResponse(notAsked, connection);
        }
    }

    @Test
    @DisplayName("Connection: close on a later request is answered with Connection: close, then the server closes"
            + " the connection (RFC 9112 §9.6)")
    @Tag("step6.1")
    void closeOnALaterRequest(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));

            WireResponse last = exchange(connection,
                    persistentHead(server, "GET /robots.txt HTTP/1.1", "Connection: close"));

            assertServes(last, "/robots.txt");
            assertLastResponse(last, connection);
        }
    }

    @Test
    @DisplayName("Connection is a list of case-insensitive options: \"TE, Keep-Alive\" keeps HTTP/1.0 open,"
            + " \"TE, CLOSE\" ends HTTP/1.1 (RFC 9110 §7.6.1)")
    @Tag("step6.3")
    void connectionOptionsAreAList(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            WireResponse kept = exchange(connection,
                    "GET /hello.txt HTTP/1.0\r\nTE: trailers\r\nConnection: TE, Keep-Alive\r\n\r\n");

            assertThat(kept.status()).isEqualTo(200);
            assertPersists(kept);

            WireResponse ended = exchange(connection,
                    persistentHead(server, "GET /hello.txt HTTP/1.1", "TE: trailers", "Connection: TE, CLOSE"));

            assertThat(ended.status()).isEqualTo(200);
            assertLastResponse(ended, connection);
        }
    }

    @ParameterizedTest(name = "[{index}] {0} gets {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET /no-such-file.txt HTTP/1.1 | 404
            GET /files/sample.bin HTTP/1.1 | 403
            DELETE /hello.txt HTTP/1.1     | 405
            BREW /hello.txt HTTP/1.1       | 501
            """)
    @DisplayName("A well-formed request refused with 404, 403, 405 or 501 leaves the connection open: the next"
            + " request on it gets its file (RFC 9112 §9.3)")
    @Tag("step6.2")
    void refusalKeepsTheConnection(String requestLine, int status, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            WireResponse refused = exchange(connection, persistentHead(server, requestLine));

            assertThat(refused.status()).isEqualTo(status);
            assertPersists(refused);

            WireResponse next = persistentGet(connection, server, "/hello.txt");

            assertServes(next, "/hello.txt");
            assertPersists(next);
        }
    }

    static Stream<Arguments> malformedHeads() {
        return Stream.of(
                Arguments.of("no Host in HTTP/1.1", "GET /hello.txt HTTP/1.1\r\n\r\n", 400),
                Arguments.of("a request-target of 9000 bytes",
                        "GET /hello.txt?" + "q".repeat(9000) + " HTTP/1.1\r\nHost: HOST\r\n\r\n", 414),
                Arguments.of("a header field of 9000 bytes",
                        "GET /hello.txt HTTP/1.1\r\nHost: HOST\r\nX-Pad: " + "p".repeat(9000) + "\r\n\r\n", 431),
                Arguments.of("version HTTP/2.0", "GET /hello.txt HTTP/2.0\r\nHost: HOST\r\n\r\n", 505));
    }

    @ParameterizedTest(name = "[{index}] {0} gets {2}")
    @MethodSource("malformedHeads")
    @DisplayName("A malformed head on a persistent connection gets its error with Connection: close, and the server"
            + " closes: it cannot know where a next request would start (RFC 9112 §9.6)")
    @Tag("step6.1")
    void malformedHeadEndsTheConnection(String mistake, String request, int status, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));

            WireResponse refused = exchange(connection, request.replace("HOST", server.authority()));

            assertThat(refused.status()).isEqualTo(status);
            assertLastResponse(refused, connection);
        }
    }

    @Test
    @DisplayName("The access log has one line per request, not per connection: three requests on one connection,"
            + " three lines in order")
    @Tag("step6.1")
    void oneLogLinePerRequest(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, sharedSite());
        List<String> targets = List.of("/hello.txt", "/robots.txt", "/css/style.css");

        try (RawConnection connection = server.raw().open()) {
            for (String target : targets) {
                assertPersists(persistentGet(connection, server, target));
            }
        }

        List<String> expected = targets.stream()
                .map(target -> "GET " + target + " HTTP/1.1 200 " + siteFile(target).length)
                .toList();
        assertThat(accessLog(dir).awaitLines(3)).extracting(AccessLogFile.Line::outcome)
                .containsExactlyElementsOf(expected);
    }
}
