package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw client knows a HEAD response has no body, so any byte after its head shows up as a trailing byte. */
@Tag("stage3")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 3: HEAD is GET without the body (RFC 9110 §9.3.2)")
class HeadMethodTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/hello.txt", "/cyrillic.html", "/img/large.png", "/"})
    @DisplayName("HEAD gets the status, Content-Type and Content-Length a GET would, and not one byte of body "
            + "(RFC 9110 §9.3.2)")
    @Tag("step3.4")
    void sameHeadNoBody(String target, TestServer server) {
        WireResponse forGet = get(server, target);

        WireResponse forHead = head(server, target);

        assertThat(forHead.statusLine()).isEqualTo("HTTP/1.1 200 OK");
        assertThat(forHead.field("Content-Type")).as("Content-Type").isPresent()
                .isEqualTo(forGet.field("Content-Type"));
        assertThat(forHead.field("Content-Length")).as("Content-Length").isPresent()
                .isEqualTo(forGet.field("Content-Length"));
        assertThat(forHead.trailingBytes()).as("bytes after the head").isEmpty();
    }

    @Test
    @DisplayName("HEAD of a missing file gets 404 with the header fields of the GET, and no body (RFC 9110 §9.3.2)")
    @Tag("step3.4")
    void missingFile(TestServer server) {
        WireResponse forGet = get(server, "/no-such-file.txt");

        WireResponse forHead = head(server, "/no-such-file.txt");

        assertThat(forHead.status()).isEqualTo(404);
        assertThat(forHead.field("Content-Type")).as("Content-Type").isPresent()
                .isEqualTo(forGet.field("Content-Type"));
        assertThat(forHead.field("Content-Length")).as("Content-Length").isPresent()
                .isEqualTo(forGet.field("Content-Length"));
        assertThat(forHead.trailingBytes()).as("bytes after the head").isEmpty();
    }
}
