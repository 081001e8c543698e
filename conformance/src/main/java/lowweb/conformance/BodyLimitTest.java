package lowweb.conformance;

import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertAnswersBeforeContent;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
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
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A static server has no use for a request body; it reads one only to find where the next request begins. So
 * {@code maxBodyBytes} (1 MiB unless the settings say otherwise) bounds how much it reads: a longer body gets 413
 * Content Too Large and the connection is closed, since the rest of the body was never read. A client that waits for
 * 100 Continue before it sends a body (RFC 9110 §10.1.1) hears the 413 instead, when Content-Length already says too
 * much.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a request body longer than maxBodyBytes gets 413 and a close (RFC 9110 §15.5.14)")
class BodyLimitTest {

    private static final int ONE_MIB = 1 << 20;

    @Test
    @DisplayName("By default a body of 1 MiB is read (405 for POST, connection kept) and one of 1 MiB + 1 byte gets 413"
            + " with Connection: close, before the body is sent (RFC 9110 §15.5.14)")
    @Tag("step8.4")
    void defaultLimit(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "POST /hello.txt HTTP/1.1", "Content-Length: " + ONE_MIB)
                    + "a".repeat(ONE_MIB));
            WireResponse allowed = connection.readNextResponse();
            assertThat(allowed.status()).as("status of a 1 MiB body").isEqualTo(405);
            assertPersists(allowed);

            // Only the head: a server that waits for the body it announced answers nothing.
            connection.write(persistentHead(server, "POST /hello.txt HTTP/1.1", "Content-Length: " + (ONE_MIB + 1)));
            WireResponse tooLarge = connection.readNextResponse();

            assertThat(tooLarge.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertLastResponse(tooLarge, connection);
        }
    }

    static Stream<Arguments> tooLarge() {
        return Stream.of(
                Arguments.of("Content-Length: 17, one byte too many", "Content-Length: 17", "0123456789abcdef0"),
                Arguments.of("two chunks of 10 bytes, the second one too many", "Transfer-Encoding: chunked",
                        "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("tooLarge")
    @DisplayName("maxBodyBytes: 16 answers a longer body with 413 and a close, a chunked one as soon as its chunks add"
            + " up to more (RFC 9110 §15.5.14, RFC 9112 §7.1)")
    @Tag("step8.4")
    void configuredLimit(String body, String framing, String bytes, Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, ServerExtension.sharedSite(), "\"maxBodyBytes\": 16");

        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "POST /hello.txt HTTP/1.1", framing) + bytes);
            WireResponse response = connection.readNextResponse();

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertLastResponse(response, connection);
        }
    }

    @Test
    @DisplayName("maxBodyBytes: 16 answers GET with Expect: 100-continue and Content-Length: 17 with 413 at once, never"
            + " asking for the content with 100 Continue, and a close (RFC 9110 §10.1.1, §15.5.14)")
    @Tag("step8.4")
    void tooLargeBeforeContinue(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, ServerExtension.sharedSite(), "\"maxBodyBytes\": 16");

        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", "Expect: 100-continue",
                    "Content-Length: 17"));
            assertAnswersBeforeContent(connection);
            WireResponse response = connection.readNextResponse();

            assertThat(response.statusLine()).isEqualTo("HTTP/1.1 413 Content Too Large");
            assertLastResponse(response, connection);
        }
    }

    @Test
    @DisplayName("maxBodyBytes: 16 still reads a chunked body of exactly 16 bytes, and the connection persists")
    @Tag("step8.4")
    void bodyAtTheLimit(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, ServerExtension.sharedSite(), "\"maxBodyBytes\": 16");

        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "POST /hello.txt HTTP/1.1", "Transfer-Encoding: chunked")
                    + "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n");
            WireResponse response = connection.readNextResponse();

            assertThat(response.status()).isEqualTo(405);
            assertPersists(response);
        }
    }
}
