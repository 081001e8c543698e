package lowweb.conformance;

import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertLastResponse;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.ResponseAssertions.assertStillOpen;
import static lowweb.conformance.Sites.siteFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client may send its next requests before the first response has come (pipelining). The server answers them one
 * by one, in the order they came, each response whole before the next begins. The server serves {@code shared-site}.
 */
@Tag("stage6")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: pipelined requests are answered in the order they came (RFC 9112 §9.3.2)")
class PipeliningTest {

    @Test
    @DisplayName("Three GET requests sent in one write get three whole responses in the same order, byte for byte,"
            + " and the connection stays open (RFC 9112 §9.3.2)")
    @Tag("step6.1")
    void threeRequestsInOneWrite(TestServer server) {
        List<String> targets = List.of("/hello.txt", "/img/logo.png", "/css/style.css");

        try (RawConnection connection = server.raw().open()) {
            connection.write(String.join("", targets.stream()
                    .map(target -> persistentHead(server, "GET " + target + " HTTP/1.1"))
                    .toList()));

            for (String target : targets) {
                WireResponse response = connection.readNextResponse();

                assertServes(response, target);
                assertPersists(response);
            }
            assertStillOpen(connection);
        }
    }

    @Test
    @DisplayName("A GET, a HEAD, a 404 and a GET with Connection: close sent in one write are answered in order, the"
            + " HEAD without a body, and the server closes after the last (RFC 9112 §9.3.2, RFC 9110 §9.3.2)")
    @Tag("step6.2")
    void mixedRequestsInOneWrite(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1")
                    + persistentHead(server, "HEAD /index.html HTTP/1.1")
                    + persistentHead(server, "GET /no-such-file.txt HTTP/1.1")
                    + persistentHead(server, "GET /robots.txt HTTP/1.1", "Connection: close"));

            WireResponse get = connection.readNextResponse();
            assertServes(get, "/hello.txt");
            assertPersists(get);

            WireResponse head = connection.readNextResponse(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.field("Content-Length")).contains(Integer.toString(siteFile("/index.html").length));
            assertPersists(head);

            WireResponse missing = connection.readNextResponse();
            assertThat(missing.status()).isEqualTo(404);
            assertPersists(missing);

            WireResponse last = connection.readNextResponse();
            assertServes(last, "/robots.txt");
            assertLastResponse(last, connection);
        }
    }
}
