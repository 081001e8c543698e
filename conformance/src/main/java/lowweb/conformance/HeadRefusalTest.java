package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9110 §9.3.2: the server "MUST NOT send content" in a response to HEAD, and an error is a response too. A request
 * refused while it is read, for a malformed field or a body it cannot frame, was never parsed to its end, yet its
 * first word said HEAD. Each case below is refused at a different point; the raw client knows that a HEAD response
 * has no body, so any byte after the head shows up as a trailing byte.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a HEAD refused while it is read gets the error's head alone (RFC 9110 §9.3.2)")
class HeadRefusalTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a field line without a colon (RFC 9112 §5)", 400, new String[] {"No colon here"}),
                Arguments.of("a second Host (RFC 9112 §3.2)", 400, new String[] {"Host: example.org"}),
                Arguments.of("Content-Length: abc (RFC 9112 §6.3)", 400, new String[] {"Content-Length: abc"}),
                Arguments.of("Transfer-Encoding: gzip, chunked (RFC 9112 §6.1)", 501,
                        new String[] {"Transfer-Encoding: gzip, chunked"}),
                Arguments.of("Expect: 200-ok (RFC 9110 §10.1.1)", 417, new String[] {"Expect: 200-ok"}),
                Arguments.of("101 header fields (RFC 6585 §5)", 431,
                        IntStream.rangeClosed(1, 101).mapToObj(n -> "X-Field-" + n + ": " + n).toArray(String[]::new)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("refusals")
    @DisplayName("HEAD with a head that is refused gets the status and Content-Length of the same GET, and not one byte"
            + " of body (RFC 9110 §9.3.2)")
    @Tag("step8.8")
    void errorHeadAlone(String refusal, int status, String[] fieldLines, TestServer server) {
        WireResponse forGet = Requests.withRequestLine(server, "GET /hello.txt HTTP/1.1", fieldLines);

        WireResponse forHead = Requests.withRequestLine(server, "HEAD /hello.txt HTTP/1.1", fieldLines);

        assertThat(forGet.status()).as("the GET's status").isEqualTo(status);
        assertThat(forHead.status()).as("the HEAD's status").isEqualTo(status);
        assertThat(forHead.field("Content-Length")).as("Content-Length").isPresent()
                .isEqualTo(forGet.field("Content-Length"));
        assertThat(forHead.trailingBytes()).as("bytes after the head").isEmpty();
    }
}
