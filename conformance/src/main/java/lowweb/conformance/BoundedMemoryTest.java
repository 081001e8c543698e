package lowweb.conformance;

import static lowweb.conformance.Fingerprints.fingerprint;
import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.Sites.largeFile;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import lowweb.conformance.Fingerprints.BodyFingerprint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file goes from the disk to the socket in pieces, however large it is: a server that reads a whole file into
 * memory first runs out of it on the first large download, and then every client suffers. The server here gets a
 * heap of 64 MB and serves a file of 200 MB, twice; the test hashes the bodies as they pass and keeps none of them.
 */
@Tag("stage6")
@Timeout(120)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a file far larger than the server's memory is served whole, twice on one connection")
class BoundedMemoryTest {

    private static final long HUGE = 200L * 1024 * 1024;
    private static final List<String> SMALL_HEAP = List.of("-Xmx64m");

    @Test
    @DisplayName("A server with a 64 MB heap serves a 200 MB file twice on one persistent connection, every byte"
            + " exact, and then still answers")
    @Tag("step6.1")
    void hugeFileTwice(Servers servers, @TempDir Path dir) {
        Path site = site(dir, "hello.txt", "still here\n");
        TestServer server = servers.startedWithJavaOptions(SMALL_HEAP, "--port", "0", "--root", site.toString());
        String expected = fingerprint(largeFile(site.resolve("huge.png"), HUGE));

        try (RawConnection connection = server.raw().open()) {
            for (int download = 1; download <= 2; download++) {
                connection.write(persistentHead(server, "GET /huge.png HTTP/1.1"));
                BodyFingerprint body = new BodyFingerprint();
                WireResponse response = connection.readNextResponse(body);

                assertThat(response.status()).as("status of download %d", download).isEqualTo(200);
                assertThat(body.fingerprint()).as("body of download %d", download).isEqualTo(expected);
                assertPersists(response);
            }
            WireResponse after = persistentGet(connection, server, "/hello.txt");

            assertThat(after.status()).isEqualTo(200);
            assertThat(after.bodyText()).isEqualTo("still here\n");
        }
    }
}
