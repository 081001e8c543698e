package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.withRequestLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: a request line is method SP request-target SP HTTP-version CRLF (RFC 9112 §3)")
class RequestLineTest {

    @Test
    @Tag("step2.2")
    @DisplayName("A well-formed request line gets the file under the status line HTTP/1.1 200 OK (RFC 9112 §3, §4)")
    void wellFormed(TestServer server) throws IOException {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @Tag("step2.4")
    @DisplayName("A malformed request gets the exact status line HTTP/1.1 400 Bad Request "
            + "(RFC 9112 §4, RFC 9110 §15.5.1)")
    void badRequestStatusLine(TestServer server) {
        WireResponse response = withRequestLine(server, "GET /hello.txt HTTP/1.1 extra");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @Tag("step2.4")
    @ValueSource(strings = {"GET  /hello.txt HTTP/1.1", "GET /hello.txt  HTTP/1.1", "GET /", "GET",
            "GET /hello.txt HTTP/1.1 extra", " /hello.txt HTTP/1.1"})
    @DisplayName("A request line without exactly three parts, each separated by one SP, is rejected with 400 "
            + "(RFC 9112 §3)")
    void wrongShape(String requestLine, TestServer server) {
        WireResponse response = withRequestLine(server, requestLine);

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] method \"{0}\"")
    @Tag("step2.4")
    @ValueSource(strings = {"GE(T", "GE@T", "GET/", "G\"ET", "GE{T}", "GE\u00c9T"})
    @DisplayName("A method that is not a token is rejected with 400 (RFC 9112 §3.1, RFC 9110 §5.6.2)")
    void methodNotAToken(String method, TestServer server) {
        WireResponse response = withRequestLine(server, method + " /hello.txt HTTP/1.1");

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] target \"{0}\"")
    @Tag("step2.5")
    @ValueSource(strings = {"hello.txt", "index.html", "*", "%2Fhello.txt"})
    @DisplayName("A GET target that is not origin-form, starting with \"/\", is rejected with 400 (RFC 9112 §3.2.1)")
    void targetNotOriginForm(String target, TestServer server) {
        WireResponse response = withRequestLine(server, "GET " + target + " HTTP/1.1");

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] version \"{0}\"")
    @Tag("step2.4")
    @ValueSource(strings = {"http/1.1", "HTTP/1", "HTTP/1.", "HTTP/11", "HTTP/1.1.1", "HTTP/x.y", "HTTPS/1.1",
            "HTTP-1.1", "XYZ"})
    @DisplayName("A version that is not HTTP/DIGIT.DIGIT (\"HTTP\" is case-sensitive) is rejected with 400 "
            + "(RFC 9112 §2.3)")
    void malformedVersion(String version, TestServer server) {
        WireResponse response = withRequestLine(server, "GET /hello.txt " + version);

        assertThat(response.status()).isEqualTo(400);
    }

    // Replacing the bare CR with SP, which RFC 9112 §2.2 also allows, leaves these lines just as invalid.
    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.7")
    @ValueSource(strings = {"GET /hello.txt HTTP/1.1\rX", "GET /hello\r.txt HTTP/1.1"})
    @DisplayName("A bare CR inside the request line makes it invalid: 400 (RFC 9112 §2.2)")
    void bareCarriageReturn(String requestLine, TestServer server) {
        WireResponse response = withRequestLine(server, requestLine);

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    @Tag("step2.2")
    @DisplayName("An HTTP/1.0 request needs no Host field and gets the file from an HTTP/1.1 server "
            + "(RFC 9112 §3.2, RFC 9110 §6.2)")
    void http10WithoutHost(TestServer server) throws IOException {
        WireResponse response = server.raw().send("GET /hello.txt HTTP/1.0\r\n\r\n");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @Tag("step2.5")
    @DisplayName("The query of a target does not name a file: /hello.txt?x=1 gets hello.txt (RFC 3986 §3.4)")
    void queryIgnored(TestServer server) throws IOException {
        WireResponse response = get(server, "/hello.txt?x=1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }
}
