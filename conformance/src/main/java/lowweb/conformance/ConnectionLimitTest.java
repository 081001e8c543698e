package lowweb.conformance;

import static lowweb.conformance.Requests.finishHead;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.halfHead;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code maxConnections} is how many connections the server keeps open at once. One more is answered 503 with
 * {@code Connection: close} and closed, rather than left waiting: a client told "busy" can retry or go elsewhere.
 * Here the limit is 2, and two clients hold it by sending half a request head and waiting.
 */
@Tag("stage5")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: a connection beyond maxConnections gets 503 (RFC 9110 §15.6.4, course requirement)")
class ConnectionLimitTest {

    private static final int LIMIT = 2;
    private static final String HELLO = "hello\n";
    /** A server may count a connection as ended a moment after the client saw it close. */
    private static final Duration FREED_WITHIN = Duration.ofSeconds(2);

    @Test
    @DisplayName("With maxConnections 2 and two connections open, a third gets 503 with Connection: close, then EOF")
    @Tag("step5.5")
    void beyondTheLimit(Servers servers, @TempDir Path dir) {
        TestServer server = limitedServer(servers, dir);
        WireResponse third;

        try (RawConnection first = halfHead(server); RawConnection second = halfHead(server)) {
            third = get(server, "/hello.txt");
        }

        assertThat(third.statusLine()).isEqualTo("HTTP/1.1 503 Service Unavailable");
        assertThat(third.field("Connection")).contains("close");
        assertThat(third.closed()).as("connection closed after the 503").isTrue();
    }

    @Test
    @DisplayName("The connections within maxConnections are served; once they end, new connections are served again")
    @Tag("step5.5")
    void servedWithinAndAfter(Servers servers, @TempDir Path dir) {
        TestServer server = limitedServer(servers, dir);

        try (RawConnection first = halfHead(server); RawConnection second = halfHead(server)) {
            assertThat(IntStream.range(0, 10).map(i -> get(server, "/hello.txt").status()))
                    .as("ten more connections while two are open").containsOnly(503);

            WireResponse firstResponse = finishHead(first);
            WireResponse secondResponse = finishHead(second);

            assertThat(firstResponse.status()).isEqualTo(200);
            assertThat(firstResponse.bodyText()).isEqualTo(HELLO);
            assertThat(secondResponse.status()).isEqualTo(200);
            assertThat(secondResponse.bodyText()).isEqualTo(HELLO);
        }
        assertThat(statusOnceFree(server)).as("a new connection after both have ended").isEqualTo(200);
    }

    /** A GET, repeated while the answer is 503 for up to {@link #FREED_WITHIN}; the last status. */
    private static int statusOnceFree(TestServer server) {
        long deadline = System.nanoTime() + FREED_WITHIN.toNanos();
        int status = get(server, "/hello.txt").status();
        while (status == 503 && System.nanoTime() < deadline) {
            status = get(server, "/hello.txt").status();
        }
        return status;
    }

    private static TestServer limitedServer(Servers servers, Path dir) {
        return startedWithLog(servers, dir, site(dir, "hello.txt", HELLO), "\"maxConnections\": " + LIMIT);
    }
}
