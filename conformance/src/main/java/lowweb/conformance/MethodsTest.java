package lowweb.conformance;

import static lowweb.conformance.Requests.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A static-file server implements GET and HEAD. Other standard methods exist but are not allowed on a file; a method
 * the server has never heard of is not implemented at all. CONNECT is sent with an origin-form target like the rest,
 * so the method, not the target, decides the answer.
 */
@Tag("stage3")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 3: GET and HEAD are served, other methods are refused by name (RFC 9110 §9)")
class MethodsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"})
    @DisplayName("A known method other than GET and HEAD gets 405 Method Not Allowed with Allow: GET, HEAD "
            + "(RFC 9110 §15.5.6, §10.2.1)")
    @Tag("step3.5")
    void knownButNotAllowed(String method, TestServer server) {
        WireResponse response = send(server, method, "/hello.txt");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 405 Method Not Allowed");
        assertThat(response.field("Allow")).as("Allow").hasValueSatisfying(allow ->
                assertThat(Arrays.stream(allow.split(",")).map(String::strip))
                        .containsExactlyInAnyOrder("GET", "HEAD"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"BREW", "FOO", "get", "Get", "X-CUSTOM"})
    @DisplayName("An unknown method gets 501 Not Implemented; methods are case-sensitive, so \"get\" is unknown "
            + "(RFC 9110 §15.6.2, §9.1)")
    @Tag("step3.5")
    void unknown(String method, TestServer server) {
        WireResponse response = send(server, method, "/hello.txt");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 501 Not Implemented");
    }
}
