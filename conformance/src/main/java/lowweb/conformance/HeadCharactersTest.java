package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request head is text: visible characters, SP, HTAB in field values, bytes from 0x80 on, and CRLF at the end of each
 * line. A control character anywhere in it is refused with 400 and the connection closed. A request line starts with a
 * method, so a first byte that cannot begin one, such as the 0x16 of a TLS handshake, is refused the moment it arrives.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a control character anywhere in a request head gets 400 (RFC 9112 §2.2, RFC 9110 §5.5)")
class HeadCharactersTest {

    /** Far below the head time-out of 10 s: a server that waits for a line end answers much later, if ever. */
    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @ParameterizedTest(name = "[{index}] byte 0x{0}")
    @ValueSource(strings = {"00", "01", "08", "0B", "0C", "1B", "7F"})
    @DisplayName("A control character in a field value gets 400 with Connection: close (RFC 9110 §5.5)")
    @Tag("step8.1")
    void controlInFieldValue(String hex, TestServer server) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));

        WireResponse response = get(server, "/hello.txt", "X-Lesson: one" + control + "two");

        assertRefusedAndClosed(response);
    }

    @ParameterizedTest(name = "[{index}] byte 0x{0}")
    @ValueSource(strings = {"00", "01", "1F", "7F"})
    @DisplayName("A control character in the query of the request-target gets 400 (RFC 9112 §3.2, RFC 3986 §3.4)")
    @Tag("step8.1")
    void controlInQuery(String hex, TestServer server) {
        String control = String.valueOf((char) Integer.parseInt(hex, 16));

        WireResponse response = get(server, "/hello.txt?x=" + control);

        assertRefusedAndClosed(response);
    }

    @Test
    @DisplayName("A TLS handshake sent to the plain port gets 400 and a close at once, without waiting for a line end"
            + " that never comes (RFC 9112 §2.2)")
    @Tag("step8.2")
    void tlsHandshake(TestServer server) {
        long start = System.nanoTime();
        try (RawConnection connection = server.raw().open()) {
            // A TLS record header (handshake 0x16, version 3.1, length), then the start of a ClientHello: no LF.
            connection.write(clientHello());

            WireResponse response = connection.readResponse(false, AT_ONCE);

            assertRefusedAndClosed(response);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time until the close").isLessThan(AT_ONCE);
        }
    }

    private static void assertRefusedAndClosed(WireResponse response) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(response.field("Connection")).contains("close");
        assertThat(response.closed()).as("connection closed after the 400").isTrue();
    }

    private static byte[] clientHello() {
        ByteArrayOutputStream hello = new ByteArrayOutputStream();
        hello.writeBytes(new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xA5, 0x01, 0x00, 0x00, (byte) 0xA1, 0x03, 0x03});
        for (int i = 0; i < 32; i++) {
            hello.write(0x20 + i);
        }
        return hello.toByteArray();
    }
}
