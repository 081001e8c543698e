package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.halfHead;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A browser that sniffs guesses a type from the bytes when it distrusts the Content-Type, and a text file that
 * looks like a script can then run as one. {@code X-Content-Type-Options: nosniff} (WHATWG Fetch) tells it to take
 * the Content-Type as it is, and every response carries it, since any of them can end up in a browser. The server
 * serves {@code shared-site}, except in the last two tests.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: every response says X-Content-Type-Options: nosniff (WHATWG Fetch)")
class ContentTypeOptionsTest {

    @ParameterizedTest(name = "[{index}] {1} {2} gets {0}")
    @CsvSource(delimiter = '|', value = {
            "200 | GET /hello.txt HTTP/1.1        |",
            "200 | HEAD /index.html HTTP/1.1      |",
            "200 | GET /img/large.png HTTP/1.1    |",
            "206 | GET /hello.txt HTTP/1.1        | Range: bytes=0-4",
            "304 | GET /hello.txt HTTP/1.1        | If-None-Match: *",
            "301 | GET /docs HTTP/1.1             |",
            "400 | GET /hello%zz.txt HTTP/1.1     |",
            "403 | GET /files/sample.bin HTTP/1.1 |",
            "404 | GET /no-such-file.txt HTTP/1.1 |",
            "405 | PUT /hello.txt HTTP/1.1        |",
            "412 | GET /hello.txt HTTP/1.1        | If-Match: \"another-version\"",
            "416 | GET /hello.txt HTTP/1.1        | Range: bytes=99999-",
            "501 | BREW /hello.txt HTTP/1.1       |",
            "505 | GET /hello.txt HTTP/2.0        |"})
    @DisplayName("Files, parts, 304, redirects and error pages all carry X-Content-Type-Options: nosniff")
    @Tag("step8.7")
    void everyResponse(int status, String requestLine, String field, TestServer server) {
        String[] fields = field == null ? new String[0] : new String[] {field};

        WireResponse response = Requests.withRequestLine(server, requestLine, fields);

        assertThat(response.status()).as("the response asked for").isEqualTo(status);
        assertNoSniff(response);
    }

    @Test
    @DisplayName("A folder's listing carries it too")
    @Tag("step8.7")
    void listing(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "notes/todo.txt", "plans\n");
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": true");

        WireResponse listing = get(server, "/notes/");

        assertThat(listing.status()).as("the listing").isEqualTo(200);
        assertNoSniff(listing);
    }

    @Test
    @DisplayName("A 503 for a connection over maxConnections and a 408 for a head that never ends carry it too")
    @Tag("step8.7")
    void refusals(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, site(dir, "hello.txt", "hello\n"),
                "\"maxConnections\": 1", "\"headerTimeoutMs\": 1000");
        WireResponse busy;
        WireResponse timedOut;

        try (RawConnection waiting = halfHead(server)) {
            busy = get(server, "/hello.txt");
            timedOut = waiting.readResponse();
        }

        assertThat(busy.status()).as("over maxConnections").isEqualTo(503);
        assertNoSniff(busy);
        assertThat(timedOut.status()).as("head not finished in time").isEqualTo(408);
        assertNoSniff(timedOut);
    }

    private static void assertNoSniff(WireResponse response) {
        assertThat(response.fieldValues("X-Content-Type-Options")).as("X-Content-Type-Options of the %s",
                response.statusLine()).containsExactly("nosniff");
    }
}
