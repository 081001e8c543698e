package lowweb.conformance;

import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * This server has no use for a request body, but on a persistent connection it must still read one to its end:
 * otherwise the body's bytes would be taken for the next request. Content-Length says how long a body is, or
 * Transfer-Encoding: chunked frames it in chunks that end with a chunk of size 0 and a trailer section. Each test sends
 * a request with a body and {@code GET /hello.txt} right behind it, in one write. The server serves
 * {@code shared-site}.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a request body is read to its end, so the next request parses (RFC 9112 §6.3, §7.1)")
class RequestBodyTest {

    /** The fields that frame a chunked body. */
    private static final String CHUNKED = "Transfer-Encoding: chunked";

    static Stream<Arguments> bodies() {
        return Stream.of(
                body("POST with Content-Length: 10 gets 405 (RFC 9112 §6.2)", "POST", 405,
                        new String[] {"Content-Length: 10"}, "0123456789"),
                body("GET with a body of 4 bytes gets its file (RFC 9110 §9.3.1)", "GET", 200,
                        new String[] {"Content-Length: 4"}, "ping"),
                body("POST with Content-Length: 0 gets 405 (RFC 9112 §6.2)", "POST", 405,
                        new String[] {"Content-Length: 0"}, ""),
                body("Content-Length: 5, 5, a list of one value repeated, counts as 5 (RFC 9110 §8.6)", "POST", 405,
                        new String[] {"Content-Length: 5, 5"}, "hello"),
                body("two Content-Length fields of the same value count as one (RFC 9110 §8.6)", "POST", 405,
                        new String[] {"Content-Length: 5", "Content-Length: 5"}, "hello"),
                body("a chunked body with upper- and lower-case hex sizes (RFC 9112 §7.1)", "POST", 405,
                        new String[] {CHUNKED},
                        "5\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\nc\r\n0123456789ab\r\n0\r\n\r\n"),
                body("chunk extensions, a quoted one among them, are skipped (RFC 9112 §7.1.1)", "POST", 405,
                        new String[] {CHUNKED}, "5;name=value\r\nhello\r\n6 ; a=1;b=\"x;y\"\r\n world\r\n"
                                + "0;last\r\n\r\n"),
                body("a trailer section after the last chunk is read to its empty line (RFC 9112 §7.1.2)", "POST",
                        405, new String[] {CHUNKED, "Trailer: X-Checksum"},
                        "5\r\nhello\r\n0\r\nX-Checksum: 5d41402a\r\nX-More: yes\r\n\r\n"),
                body("chunk data that looks like a last chunk is counted, not scanned (RFC 9112 §7.1)", "POST", 405,
                        new String[] {CHUNKED}, "19\r\nline one\r\nline two\r\n0\r\n\r\n\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("bodies")
    @DisplayName("A request with a body, then GET /hello.txt in the same write: both are answered, in order, and the"
            + " connection stays open (RFC 9112 §6.3, §9.3)")
    @Tag("step6.6")
    void bodyIsSkipped(String framing, String method, int status, String[] fields, String body, TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, method + " /hello.txt HTTP/1.1", fields) + body
                    + persistentHead(server, "GET /hello.txt HTTP/1.1"));

            WireResponse first = connection.readNextResponse();
            assertThat(first.status()).as("status of the request with the body").isEqualTo(status);
            assertPersists(first);

            WireResponse next = connection.readNextResponse();
            assertServes(next, "/hello.txt");
            assertPersists(next);
        }
    }

    @Test
    @DisplayName("A chunked body that arrives one byte at a time is read to its end before the next request"
            + " (RFC 9112 §7.1)")
    @Tag("step6.6")
    void chunkedBodyInPieces(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "POST /hello.txt HTTP/1.1", CHUNKED));
            connection.dribble(Bytes.ascii("3;x=y\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\n"), Duration.ofMillis(5));
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1"));

            WireResponse first = connection.readNextResponse();
            assertThat(first.status()).isEqualTo(405);
            assertPersists(first);

            WireResponse next = connection.readNextResponse();
            assertServes(next, "/hello.txt");
            assertPersists(next);
        }
    }

    private static Arguments body(String framing, String method, int status, String[] fields, String body) {
        return Arguments.of(framing, method, status, fields, body);
    }
}
