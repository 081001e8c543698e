package lowweb.conformance;

import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The content of a request has the same time as its head, {@code headerTimeoutMs} (here 500 ms), counted from the
 * end of the head. A client that announced content and stopped sending it began a request and did not finish it:
 * like a head not finished in time, it gets 408 and the connection is closed, rather than a close without a word.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: content not sent within headerTimeoutMs gets 408 (RFC 9110 §15.5.9)")
class ContentTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    @DisplayName("A request whose Content-Length announces more than arrives gets 408 with Connection: close")
    @Tag("step6.5")
    void lengthNotReached(Servers servers, @TempDir Path dir) {
        assertTimedOut(servers, dir, "Content-Length: 10\r\n\r\nabc");
    }

    @Test
    @DisplayName("A chunked request whose chunks stop before the last chunk gets 408 with Connection: close")
    @Tag("step6.6")
    void chunksStop(Servers servers, @TempDir Path dir) {
        assertTimedOut(servers, dir, "Transfer-Encoding: chunked\r\n\r\n5\r\nhel");
    }

    private static void assertTimedOut(Servers servers, Path dir, String framingAndContent) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"),
                "\"headerTimeoutMs\": " + TIMEOUT.toMillis());
        try (RawConnection connection = server.raw().open()) {
            connection.write("GET /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n" + framingAndContent);

            WireResponse response = connection.readResponse(false, RawClient.CLOSE_EXPECTED);

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
            assertThat(response.field("Connection")).contains("close");
            assertThat(response.closed()).as("connection closed after the 408").isTrue();
        }
    }
}
