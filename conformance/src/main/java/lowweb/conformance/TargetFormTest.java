package lowweb.conformance;

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

/**
 * A request-target has four forms (RFC 9112 §3.2): origin-form {@code /hello.txt}, absolute-form
 * {@code http://host/hello.txt}, authority-form {@code host:443} for CONNECT only and asterisk-form {@code *} for
 * OPTIONS only. An origin server must accept the absolute-form; a form that does not fit its method is a malformed
 * request, refused with 400 before the method is considered. CONNECT and OPTIONS themselves still get 405, as since
 * stage 2 ({@link MethodsTest}). In the targets below, AUTHORITY stands for the server's own host:port.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: each method uses the request-target forms it may use, absolute-form included (RFC 9112 §3.2)")
class TargetFormTest {

    @ParameterizedTest(name = "[{index}] GET {0}")
    @ValueSource(strings = {"http://AUTHORITY/hello.txt", "HTTP://AUTHORITY/hello.txt",
            "http://AUTHORITY/hello.txt?x=1", "http://example.org/hello.txt", "http://[::1]:8080/hello.txt"})
    @DisplayName("An absolute-form target gets the file its path names, whatever host it names (RFC 9112 §3.2.2)")
    @Tag("step8.5")
    void absoluteFormIsAccepted(String target, TestServer server) throws IOException {
        WireResponse response = withRequestLine(server,
                "GET " + target.replace("AUTHORITY", server.authority()) + " HTTP/1.1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @DisplayName("The host of an absolute-form target takes the place of the Host field: a different Host value does"
            + " not matter (RFC 9112 §3.2.2)")
    @Tag("step8.5")
    void targetHostWinsOverHostField(TestServer server) throws IOException {
        WireResponse response = server.raw().send("GET http://" + server.authority() + "/hello.txt HTTP/1.1\r\n"
                + "Host: example.org\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @DisplayName("An absolute-form target with an empty path names \"/\": the index page (RFC 9112 §3.2.1)")
    @Tag("step8.5")
    void absoluteFormWithoutPath(TestServer server) throws IOException {
        WireResponse response = withRequestLine(server, "GET http://" + server.authority() + " HTTP/1.1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("index.html")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"POST *", "DELETE *", "TRACE example.org:80", "OPTIONS example.org:80",
            "PUT example.org:443"})
    @DisplayName("A target form the method may not use gets 400, not 405: the request is malformed before its method"
            + " counts (RFC 9112 §3.2.3, §3.2.4)")
    @Tag("step8.5")
    void formDoesNotFitMethod(String methodAndTarget, TestServer server) {
        WireResponse response = withRequestLine(server, methodAndTarget + " HTTP/1.1");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 400 Bad Request");
    }
}
