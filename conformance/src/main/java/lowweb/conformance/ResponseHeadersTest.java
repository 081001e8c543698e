package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage3")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 3: a response describes itself in header fields (RFC 9110 §6.3)")
class ResponseHeadersTest {

    /** IMF-fixdate, the one date format a server sends (RFC 9110 §5.6.7): two-digit day, GMT. */
    private static final String IMF_FIXDATE = "^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$";

    @Test
    @DisplayName("Date is the time of the response as an IMF-fixdate, like \"Sun, 06 Nov 1994 08:49:37 GMT\" "
            + "(RFC 9110 §6.6.1, §5.6.7)")
    @Tag("step3.1")
    void date(TestServer server) {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.field("Date")).as("Date").hasValueSatisfying(date -> {
            assertThat(date).matches(IMF_FIXDATE);
            Instant sent = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            assertThat(sent).isCloseTo(Instant.now(), within(60, ChronoUnit.SECONDS));
        });
    }

    @Test
    @DisplayName("Server names the software that answered (RFC 9110 §10.2.4)")
    @Tag("step3.1")
    void server(TestServer server) {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.field("Server")).as("Server").hasValueSatisfying(name -> assertThat(name).isNotBlank());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"cyrillic.html", "img/large.png", "hello.txt"})
    @DisplayName("Content-Length counts the body's bytes, not its characters (RFC 9110 §8.6, RFC 9112 §6.2)")
    @Tag("step3.2")
    void contentLengthCountsBytes(String file, TestServer server) throws IOException {
        byte[] expected = Files.readAllBytes(server.root().resolve(file));

        WireResponse response = get(server, "/" + file);

        assertThat(response.field("Content-Length")).as("Content-Length").contains(String.valueOf(expected.length));
        assertThat(response.body()).isEqualTo(expected);
        assertThat(response.trailingBytes()).as("bytes after the body").isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET /no-such-file.txt HTTP/1.1", "GET /hello%zz.txt HTTP/1.1", "PUT /hello.txt HTTP/1.1",
            "BREW /hello.txt HTTP/1.1", "GET /hello.txt HTTP/2.0"})
    @DisplayName("An error response's Content-Length counts its body's bytes too (RFC 9110 §8.6, RFC 9112 §6.2)")
    @Tag("step3.5")
    void contentLengthOfErrors(String requestLine, TestServer server) {
        WireResponse response = Requests.withRequestLine(server, requestLine);

        assertThat(response.status()).isBetween(400, 599);
        assertThat(response.field("Content-Length")).as("Content-Length")
                .contains(String.valueOf(response.body().length));
        assertThat(response.trailingBytes()).as("bytes after the body").isEmpty();
    }

    @Test
    @DisplayName("A request with Connection: close gets Connection: close back, then the server closes (RFC 9112 §9.6)")
    @Tag("step3.2")
    void connectionClose(TestServer server) {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.field("Connection")).as("Connection").hasValueSatisfying(options ->
                assertThat(Arrays.stream(options.split(",")).map(String::strip)).anyMatch("close"::equalsIgnoreCase));
        assertThat(response.closed()).as("server closed the connection").isTrue();
    }
}
