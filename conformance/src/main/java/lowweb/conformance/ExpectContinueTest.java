package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertAnswersBeforeContent;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.ServerExtension.sharedSite;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.siteFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client about to upload content may send {@code Expect: 100-continue} and hold the content back until the server
 * has seen the head (RFC 9110 §10.1.1): the interim response {@code 100 Continue} asks for the content, a final
 * status refuses the request without it. These tests send the head alone, as such a client does, and the content
 * only after the server has answered. The server serves {@code shared-site}.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a request that expects 100-continue is answered before its content is sent (RFC 9110 §10.1.1)")
class ExpectContinueTest {

    static Stream<Arguments> contents() {
        return Stream.of(
                Arguments.of("Content-Length: 4", "Expect: 100-continue", "ping"),
                Arguments.of("Transfer-Encoding: chunked", "Expect: 100-Continue", "4\r\nping\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}, {1}")
    @MethodSource("contents")
    @DisplayName("GET /hello.txt with Expect: 100-continue (in any letter case) and content gets 100 Continue at once;"
            + " after the content, 200 with the file, and the connection persists (RFC 9110 §10.1.1, §15.2.1)")
    @Tag("step6.8")
    void continueThenFile(String framing, String expect, String content, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", expect, framing));
            assertAnswersBeforeContent(connection);
            WireResponse interim = connection.readNextResponse();
            assertThat(interim.statusLine()).isEqualTo("HTTP/1.1 100 Continue");

            connection.write(content);
            WireResponse response = connection.readNextResponse();
            assertServes(response, "/hello.txt");
            assertPersists(response);

            WireResponse next = persistentGet(connection, server, "/robots.txt");
            assertServes(next, "/robots.txt");
            assertPersists(next);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "POST /index.html HTTP/1.1, 405",
            "GET /missing.txt HTTP/1.1, 404",
            "BREW /hello.txt HTTP/1.1, 501"})
    @DisplayName("On a persistent connection, a request with Expect: 100-continue and Content-Length: 10 that is"
            + " refused gets its final status at once, without 100 Continue, and Connection: close: the content may"
            + " follow or not, so the next request's start is unknown (RFC 9110 §10.1.1)")
    @Tag("step6.8")
    void refusalBeforeContent(String requestLine, int status, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            assertPersists(persistentGet(connection, server, "/hello.txt"));

            connection.write(persistentHead(server, requestLine, "Expect: 100-continue", "Content-Length: 10"));
            assertAnswersBeforeContent(connection);
            WireResponse refusal = connection.readNextResponse();
            assertThat(refusal.status()).as("status of %s", requestLine).isEqualTo(status);

            // A client that has stopped waiting sends the content after all: the closing server reads and drops it.
            connection.write("0123456789");
            assertLastResponse(refusal, connection);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Expect: 200-ok", "Expect: 100-continue, 200-ok"})
    @DisplayName("An expectation other than 100-continue gets 417 Expectation Failed and Connection: close"
            + " (RFC 9110 §10.1.1, §15.5.18)")
    @Tag("step6.8")
    void unknownExpectation(String expect, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", expect));
            WireResponse response = connection.readNextResponse();

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 417 Expectation Failed");
            assertLastResponse(response, connection);
        }
    }

    static Stream<Arguments> nothingToWaitFor() {
        return Stream.of(
                Arguments.of("HTTP/1.1 without content", "GET /hello.txt HTTP/1.1",
                        new String[] {"Expect: 100-continue"}, ""),
                Arguments.of("HTTP/1.1 with Content-Length: 0", "GET /hello.txt HTTP/1.1",
                        new String[] {"Expect: 100-continue", "Content-Length: 0"}, ""),
                Arguments.of("HTTP/1.0 with content right behind the head", "GET /hello.txt HTTP/1.0",
                        new String[] {"Connection: keep-alive", "Expect: 100-continue", "Content-Length: 4"}, "ping"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("nothingToWaitFor")
    @DisplayName("Expect: 100-continue without content, or in an HTTP/1.0 request, is ignored: the file comes without"
            + " 100 Continue, and the connection persists (RFC 9110 §10.1.1)")
    @Tag("step6.5")
    void expectationIgnored(String request, String requestLine, String[] fields, String content, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, requestLine, fields) + content);
            WireResponse response = connection.readNextResponse();
            assertServes(response, "/hello.txt");
            assertPersists(response);

            WireResponse next = persistentGet(connection, server, "/robots.txt");
            assertServes(next, "/robots.txt");
        }
    }

    @Test
    @DisplayName("The access log has one line for a request answered with 100 Continue and then 200: the final"
            + " status's")
    @Tag("step6.8")
    void logHasFinalStatusOnly(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, sharedSite());

        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", "Expect: 100-continue",
                    "Content-Length: 4"));
            assertThat(connection.readNextResponse().statusLine()).isEqualTo("HTTP/1.1 100 Continue");
            connection.write("ping");
            assertServes(connection.readNextResponse(), "/hello.txt");
        }

        assertThat(accessLog(dir).awaitLines(1)).extracting(AccessLogFile.Line::outcome)
                .containsExactly("GET /hello.txt HTTP/1.1 200 " + siteFile("/hello.txt").length);
    }
}
