package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.withRequestLine;
import static org.assertj.core.api.Assertions.assertThat;

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
@DisplayName("Stage 3: the server speaks HTTP/1.x, and an HTTP/1.1 request names its host (RFC 9112 §2.3, §3.2)")
class VersionAndHostTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"HTTP/2.0", "HTTP/3.0", "HTTP/9.9"})
    @DisplayName("A well-formed version with another major number gets 505 HTTP Version Not Supported "
            + "(RFC 9110 §15.6.6)")
    @Tag("step3.6")
    void otherMajorVersion(String version, TestServer server) {
        WireResponse response = withRequestLine(server, "GET /hello.txt " + version);

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 505 HTTP Version Not Supported");
    }

    @Test
    @DisplayName("An HTTP/1.1 request without Host is rejected with 400 (RFC 9112 §3.2)")
    @Tag("step3.7")
    void missingHost(TestServer server) {
        WireResponse response = server.raw().send("GET /hello.txt HTTP/1.1\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A request with two Host field lines is rejected with 400, even when they agree (RFC 9112 §3.2)")
    @Tag("step3.7")
    void twoHosts(TestServer server) {
        WireResponse response = get(server, "/hello.txt", "Host: " + server.authority());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A request whose two Host field lines disagree is rejected with 400 (RFC 9112 §3.2)")
    @Tag("step3.7")
    void twoDifferentHosts(TestServer server) {
        WireResponse response = get(server, "/hello.txt", "HOST: example.com");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A Host value that is not host[:port] is rejected with 400 (RFC 9112 §3.2, RFC 3986 §3.2.2)")
    @Tag("step3.8")
    void invalidHost(TestServer server) {
        WireResponse response = server.raw().send(
                "GET /hello.txt HTTP/1.1\r\nHost: not a host\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(400);
    }
}
