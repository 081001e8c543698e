package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxHeaderCount} bounds the number of header field lines in a request head, 100 unless the settings say
 * otherwise; Host and Connection count like any other field. Many tiny fields stay far below {@code maxRequestBytes}
 * and still cost the server a parsed object each, so bytes alone are not enough of a limit.
 */
@Tag("stage8")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: more than maxHeaderCount header fields get 431 (RFC 6585 §5)")
class HeaderCountTest {

    @Test
    @DisplayName("By default 100 header fields are served and 101 get 431 with Connection: close (RFC 6585 §5)")
    @Tag("step8.3")
    void defaultLimit(TestServer server) {
        // Host and Connection: close are the other two fields of each request.
        WireResponse hundred = get(server, "/hello.txt", fields(98));
        WireResponse hundredAndOne = get(server, "/hello.txt", fields(99));

        assertThat(hundred.status()).as("status with 100 fields").isEqualTo(200);
        assertTooMany(hundredAndOne);
    }

    @Test
    @DisplayName("maxHeaderCount: 5 serves a request with 5 header fields and answers one with 6 with 431")
    @Tag("step8.3")
    void configuredLimit(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, ServerExtension.sharedSite(), "\"maxHeaderCount\": 5");

        WireResponse five = get(server, "/hello.txt", fields(3));
        WireResponse six = get(server, "/hello.txt", fields(4));

        assertThat(five.status()).as("status with 5 fields").isEqualTo(200);
        assertTooMany(six);
    }

    private static void assertTooMany(WireResponse response) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        assertThat(response.field("Connection")).contains("close");
        assertThat(response.closed()).as("connection closed after the 431").isTrue();
    }

    /** {@code X-Field-1: 1} and so on: short field lines, each of them valid. */
    private static String[] fields(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "X-Field-" + i + ": " + i).toArray(String[]::new);
    }
}
