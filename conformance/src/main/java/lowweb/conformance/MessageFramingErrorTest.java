package lowweb.conformance;

import static lowweb.conformance.Requests.exchange;
import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the server cannot tell for sure where a request's body ends, it cannot tell where the next request begins
 * either: a guess is what request smuggling exploits. So it refuses the request and closes the connection. Each test
 * first gets a file on the connection, which stays open, and then sends the badly framed request on it. The server
 * serves {@code shared-site}.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a body whose length is uncertain is refused, and the connection closed (RFC 9112 §6.3)")
class MessageFramingErrorTest {

    private static final String POST_HTTP11 = "POST /hello.txt HTTP/1.1";
    private static final String CHUNKED = "Transfer-Encoding: chunked";

    static Stream<Arguments> badlyFramed() {
        return Stream.of(
                framing("Content-Length and Transfer-Encoding together (RFC 9112 §6.1, §6.3)", 400,
                        POST_HTTP11, "5\r\nhello\r\n0\r\n\r\n", "Content-Length: 5", CHUNKED),
                framing("Content-Length: abc, not digits (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: abc"),
                framing("Content-Length: -5, negative (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: -5"),
                framing("Content-Length: 1 2, two numbers (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: 1 2"),
                framing("Content-Length: 5, 6, a list of different values (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: 5, 6"),
                framing("two Content-Length fields of different values (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: 5", "Content-Length: 6"),
                framing("a Content-Length beyond any number the server can hold (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: 99999999999999999999999999"),
                framing("Transfer-Encoding: gzip, chunked, a coding this server lacks (RFC 9112 §6.1)", 501,
                        POST_HTTP11, "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: gzip, chunked"),
                framing("Transfer-Encoding: gzip, without chunked last: no knowable end (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Transfer-Encoding: gzip"),
                framing("Transfer-Encoding: chunked, gzip: chunked not last (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding: chunked, gzip"),
                framing("Transfer-Encoding: (empty) with Content-Length: no coding, no chunked last (RFC 9112 §6.1,"
                        + " §6.3)", 400, POST_HTTP11, "hello", "Transfer-Encoding:", "Content-Length: 5"),
                framing("Transfer-Encoding: , with Content-Length: a list of empty elements only (RFC 9112 §6.1,"
                        + " §6.3)", 400, POST_HTTP11, "hello", "Transfer-Encoding: ,", "Content-Length: 5"),
                framing("Transfer-Encoding: (empty) alone: no coding, no chunked last (RFC 9112 §6.3)", 400,
                        POST_HTTP11, "5\r\nhello\r\n0\r\n\r\n", "Transfer-Encoding:"),
                framing("Content-Length: (empty), not a number (RFC 9110 §8.6, RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length:"),
                framing("Content-Length: 5, then a line Content-Length: , (RFC 9110 §8.6, RFC 9112 §6.3)", 400,
                        POST_HTTP11, "hello", "Content-Length: 5", "Content-Length: , "),
                framing("Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1)", 400,
                        "POST /hello.txt HTTP/1.0", "5\r\nhello\r\n0\r\n\r\n", CHUNKED),
                framing("a chunk size that is not hexadecimal (RFC 9112 §7.1)", 400,
                        POST_HTTP11, "zz\r\nhello\r\n0\r\n\r\n", CHUNKED),
                framing("chunk data not followed by CRLF (RFC 9112 §7.1)", 400,
                        POST_HTTP11, "5\r\nhelloXY0\r\n\r\n", CHUNKED));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("badlyFramed")
    @DisplayName("A request whose body length is uncertain, sent on a persistent connection, gets 400 (501 for a"
            + " coding before chunked) with Connection: close, and the server closes (RFC 9112 §6.3, §9.6)")
    @Tag("step6.7")
    void refusedAndClosed(String mistake, int status, String requestLine, String body, String[] fields,
            TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            WireResponse first = persistentGet(connection, server, "/hello.txt");
            assertThat(first.status()).isEqualTo(200);
            assertPersists(first);

            WireResponse refused = exchange(connection, persistentHead(server, requestLine, fields) + body);

            assertThat(refused.status()).isEqualTo(status);
            assertLastResponse(refused, connection);
        }
    }

    private static Arguments framing(String mistake, int status, String requestLine, String body, String... fields) {
        return Arguments.of(mistake, status, requestLine, body, fields);
    }
}
