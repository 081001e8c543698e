package lowweb.conformance;

import static lowweb.conformance.Requests.withRequestLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the grammar of whole response heads, for one request of each kind a stage-3 server answers differently. */
@Tag("stage3")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 3: every response head is status-line *( field-line CRLF ) CRLF (RFC 9112 §2.1)")
class WireFormatTest {

    /** HTTP-version SP 3DIGIT SP reason-phrase, reason-phrase = *( HTAB / SP / VCHAR / obs-text ) (RFC 9112 §4). */
    private static final String STATUS_LINE = "HTTP/1\\.1 [1-5]\\d\\d [\\t \\x21-\\x7E\\x80-\\xFF]*";
    /** field-name ":" OWS field-value OWS, field-name = token (RFC 9112 §5, RFC 9110 §5.1, §5.5, §5.6.2). */
    private static final String FIELD_LINE = "[!#$%&'*+.^_`|~0-9A-Za-z-]+:[\\t \\x21-\\x7E\\x80-\\xFF]*";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET /hello.txt HTTP/1.1", "GET /img/logo.png HTTP/1.1", "HEAD /index.html HTTP/1.1",
            "GET /no-such-file.txt HTTP/1.1", "GET /hello%zz.txt HTTP/1.1", "POST /hello.txt HTTP/1.1",
            "BREW /hello.txt HTTP/1.1", "GET /hello.txt HTTP/2.0"})
    @DisplayName("The head is a status line, field lines with one Content-Length among them, and a blank line, all "
            + "ending in CRLF (RFC 9112 §2.1, §4, §5, §6.2)")
    @Tag("step3.2")
    void headGrammar(String requestLine, TestServer server) {
        WireResponse response = withRequestLine(server, requestLine);

        assertThat(response.linesEndWithCrlf()).as("every head line ends with CRLF").isTrue();
        assertThat(response.head()).endsWith("\r\n\r\n");
        List<String> lines = Arrays.asList(response.head().split("\r\n"));
        assertThat(lines.getFirst()).as("status line").matches(STATUS_LINE);
        assertThat(lines.subList(1, lines.size())).as("field lines")
                .allSatisfy(line -> assertThat(line).matches(FIELD_LINE));
        assertThat(response.fieldValues("Content-Length")).as("Content-Length values").singleElement().asString()
                .matches("\\d+");
    }
}
