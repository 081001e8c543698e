package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxRequestBytes} counts every byte of the request head: the request line, the header field lines, their
 * CRLFs and the empty line that ends the head. A head of exactly that many bytes is served; one byte more is refused
 * with 414 while the request line is still incomplete, with 431 after it, and the connection is closed.
 */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: a request head over maxRequestBytes gets 414 or 431 (RFC 9112 §3, RFC 6585 §5)")
class RequestLimitTest {

    private static final int LIMIT = 256;
    private static final int DEFAULT_LIMIT = 8192;

    @Test
    @DisplayName("A head of exactly maxRequestBytes bytes, empty line included, is served")
    @Tag("step4.6")
    void exactlyAtTheLimit(Servers servers, @TempDir Path dir) {
        TestServer server = limitedTo(LIMIT, servers, dir);

        WireResponse response = server.raw().send(padded(server, "/hello.txt", LIMIT));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("hello\n");
    }

    @Test
    @DisplayName("Header fields one byte over maxRequestBytes get 431 and a closed connection (RFC 6585 §5)")
    @Tag("step4.6")
    void fieldsOneByteOver(Servers servers, @TempDir Path dir) {
        TestServer server = limitedTo(LIMIT, servers, dir);

        WireResponse response = server.raw().send(padded(server, "/hello.txt", LIMIT + 1));

        assertRefusedAndClosed(response, "HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    @DisplayName("A request line one byte over maxRequestBytes, CRLF included, gets 414 (RFC 9110 §15.5.15)")
    @Tag("step4.6")
    void requestLineOneByteOver(Servers servers, @TempDir Path dir) {
        TestServer server = limitedTo(LIMIT, servers, dir);

        WireResponse response = server.raw().send(withRequestLineOf(server, LIMIT + 1));

        assertRefusedAndClosed(response, "HTTP/1.1 414 URI Too Long");
    }

    @Test
    @DisplayName("A request line filling maxRequestBytes exactly leaves no room for fields: 431 (RFC 6585 §5)")
    @Tag("step4.6")
    void requestLineFillsTheLimit(Servers servers, @TempDir Path dir) {
        TestServer server = limitedTo(LIMIT, servers, dir);

        WireResponse response = server.raw().send(withRequestLineOf(server, LIMIT));

        assertThat(response.status()).isEqualTo(431);
    }

    @Test
    @DisplayName("Without settings the limit is 8192 bytes: 8192 are served, 8193 get 431 (RFC 6585 §5)")
    @Tag("step4.5")
    void defaultLimit(TestServer server) {
        assertThat(server.raw().send(padded(server, "/hello.txt", DEFAULT_LIMIT)).status()).isEqualTo(200);
        assertThat(server.raw().send(padded(server, "/hello.txt", DEFAULT_LIMIT + 1)).status()).isEqualTo(431);
    }

    @Test
    @DisplayName("Without settings a 9000-byte request-target gets 414 (RFC 9110 §15.5.15)")
    @Tag("step4.5")
    void defaultLimitOnTheRequestLine(TestServer server) {
        WireResponse response = get(server, "/hello.txt?" + "q".repeat(9000));

        assertThat(response.status()).isEqualTo(414);
    }

    @Test
    @DisplayName("The server answers 431 as soon as the limit is passed, without waiting for the head to end")
    @Tag("step4.5")
    void answersWithoutWaiting(TestServer server) {
        WireResponse response;
        try (RawConnection connection = server.raw().open()) {
            connection.writeAllowingReset(Bytes.ascii("GET /hello.txt HTTP/1.1\r\nHost: " + server.authority()
                    + "\r\nX-Endless: " + "x".repeat(4 * DEFAULT_LIMIT)));
            response = connection.readResponse();
        }

        assertThat(response.status()).isEqualTo(431);
        assertThat(get(server, "/hello.txt").status()).as("the next client").isEqualTo(200);
    }

    /** The server said why and then closed: after a refused head it cannot tell where the next request starts. */
    private static void assertRefusedAndClosed(WireResponse response, String statusLine) {
        assertThat(response.statusLine()).isEqualTo(statusLine);
        assertThat(response.closed()).as("connection closed").isTrue();
    }

    /** A server on a site with hello.txt whose settings set {@code maxRequestBytes}. */
    private static TestServer limitedTo(int maxRequestBytes, Servers servers, Path dir) {
        Path site = site(dir, "hello.txt", "hello\n");
        return startedWithSettings(servers, dir, site, "\"maxRequestBytes\": " + maxRequestBytes);
    }

    /** {@code GET target} with Host, Connection: close and an X-Pad field that brings the head to {@code length}. */
    private static String padded(TestServer server, String target, int length) {
        String start = "GET " + target + " HTTP/1.1\r\nHost: " + server.authority() + "\r\nConnection: close\r\n"
                + "X-Pad: ";
        String end = "\r\n\r\n";
        return start + "p".repeat(length - start.length() - end.length()) + end;
    }

    /** A request whose request line, CRLF included, is {@code length} bytes long, then Host and Connection. */
    private static String withRequestLineOf(TestServer server, int length) {
        String start = "GET /hello.txt?";
        String end = " HTTP/1.1\r\n";
        return start + "q".repeat(length - start.length() - end.length()) + end
                + "Host: " + server.authority() + "\r\nConnection: close\r\n\r\n";
    }
}
