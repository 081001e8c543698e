package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertNotModified;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.Sites.siteFile;
import static lowweb.conformance.Validators.etag;
import static lowweb.conformance.Validators.httpDate;
import static lowweb.conformance.Validators.lastModified;
import static lowweb.conformance.Validators.modified;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that means one version of a file asks for it "only if it is still that version": If-Match with its ETag,
 * or If-Unmodified-Since with its date. When the file changed, it gets 412 Precondition Failed instead of bytes of
 * another version. The server serves {@code shared-site}, except where a test changes a file of its own.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: If-Match and If-Unmodified-Since get 412 when the file is not the version the client means"
        + " (RFC 9110 §13.1.1, §13.1.4, §15.5.13)")
class PreconditionFailedTest {

    /** Before the modification time of every file of the site. */
    private static final String LONG_AGO = "Sun, 06 Nov 1994 08:49:37 GMT";
    /** How long a server may go on answering from what it found before a file changed. */
    private static final Duration CHANGE_SEEN_WITHIN = Duration.ofSeconds(3);

    @ParameterizedTest(name = "[{index}] If-Match: {0}")
    @ValueSource(strings = {"ETAG", "*", "\"other\", ETAG", "\"a\",ETAG ,\"b\""})
    @DisplayName("If-Match with the file's ETag among its tags, or \"*\", gets the file (RFC 9110 §13.1.1)")
    @Tag("step7.2")
    void ifMatchHolds(String field, TestServer server) {
        String etag = etag(get(server, "/hello.txt"));

        WireResponse response = get(server, "/hello.txt", "If-Match: " + field.replace("ETAG", etag));

        assertServes(response, "/hello.txt");
        assertThat(response.field("ETag")).contains(etag);
    }

    @ParameterizedTest(name = "[{index}] If-Match: {0}")
    @ValueSource(strings = {"\"another-version\"", "W/ETAG", "\"a\", W/ETAG", "OPAQUE", "ETAG;x"})
    @DisplayName("If-Match with other tags, the file's own only as a weak one, or no list of tags gets 412 with GET"
            + " and HEAD: If-Match compares strongly (RFC 9110 §8.8.3.2, §13.1.1, §15.5.13)")
    @Tag("step7.5")
    void ifMatchFails(String field, TestServer server) {
        String etag = etag(get(server, "/hello.txt"));
        String ifMatch = "If-Match: " + field.replace("OPAQUE", etag.replace("\"", "")).replace("ETAG", etag);

        assertPreconditionFailed(get(server, "/hello.txt", ifMatch));
        assertThat(head(server, "/hello.txt", ifMatch).statusLine()).as("HEAD")
                .isEqualTo("HTTP/1.1 412 Precondition Failed");
    }

    @Test
    @DisplayName("A download that resumes with If-Match and Range gets 206 while the file is the same, and 412 once it"
            + " changed: never the rest of a new file after the start of the old (RFC 9110 §13.1.1, §13.2.2)")
    @Tag("step7.6")
    void resumeOfChangedFile(Servers servers, @TempDir Path root) throws IOException, InterruptedException {
        byte[] old = "the first version of the file\n".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(root.resolve("video.txt"), old);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        TestServer server = servers.serving(root);
        String etag = etag(get(server, "/video.txt", "Range: bytes=0-9"));
        String[] resume = {"Range: bytes=10-", "If-Match: " + etag};
        assertThat(get(server, "/video.txt", resume).body()).isEqualTo(Arrays.copyOfRange(old, 10, old.length));

        Files.writeString(file, "a second, longer version of the file\n");
        WireResponse resumed = get(server, "/video.txt", resume);
        for (int tries = 0; resumed.status() == 206 && tries < CHANGE_SEEN_WITHIN.toMillis() / 100; tries++) {
            // Until the server sees the change, the old version's bytes are still what matches the old ETag.
            assertThat(resumed.body()).as("a part sent with the old ETag")
                    .isEqualTo(Arrays.copyOfRange(old, 10, old.length));
            Thread.sleep(100);
            resumed = get(server, "/video.txt", resume);
        }

        assertPreconditionFailed(resumed);
        assertThat(resumed.bodyText()).doesNotContain("version of the file");
    }

    @Test
    @DisplayName("If-Unmodified-Since at or after Last-Modified gets the file, before it gets 412 (RFC 9110 §13.1.4)")
    @Tag("step7.5")
    void ifUnmodifiedSince(TestServer server) {
        WireResponse first = get(server, "/hello.txt");
        Instant modified = modified(server.root().resolve("hello.txt"));

        assertServes(get(server, "/hello.txt", "If-Unmodified-Since: " + lastModified(first)), "/hello.txt");
        assertServes(get(server, "/hello.txt", "If-Unmodified-Since: " + httpDate(modified.plusSeconds(60))),
                "/hello.txt");
        assertPreconditionFailed(get(server, "/hello.txt", "If-Unmodified-Since: " + httpDate(modified.minusSeconds(1))));
    }

    @ParameterizedTest(name = "[{index}] If-Unmodified-Since: {0}")
    @ValueSource(strings = {"yesterday", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37", "0",
            "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT"})
    @DisplayName("If-Unmodified-Since that is not one valid HTTP-date is ignored: the file, where a valid date before"
            + " Last-Modified gets 412 (RFC 9110 §13.1.4)")
    @Tag("step7.5")
    void invalidDate(String date, TestServer server) {
        assertPreconditionFailed(get(server, "/hello.txt", "If-Unmodified-Since: " + LONG_AGO));

        assertServes(get(server, "/hello.txt", "If-Unmodified-Since: " + date), "/hello.txt");
    }

    @Test
    @DisplayName("If-Unmodified-Since is ignored when If-Match is present: the file's ETag gets the file even with a"
            + " date that alone gets 412 (RFC 9110 §13.1.4, §13.2.2)")
    @Tag("step7.5")
    void ifMatchWins(TestServer server) {
        String etag = etag(get(server, "/hello.txt"));
        String since = "If-Unmodified-Since: " + LONG_AGO;
        assertPreconditionFailed(get(server, "/hello.txt", since));

        assertServes(get(server, "/hello.txt", "If-Match: " + etag, since), "/hello.txt");
    }

    @Test
    @DisplayName("412 comes before 304: If-Match that fails wins over If-None-Match that matches, If-Unmodified-Since"
            + " over If-Modified-Since (RFC 9110 §13.2.2 steps 1 to 4)")
    @Tag("step7.5")
    void preconditionFailedBeforeNotModified(TestServer server) {
        WireResponse first = get(server, "/hello.txt");

        assertPreconditionFailed(get(server, "/hello.txt", "If-Match: \"another-version\"",
                "If-None-Match: " + etag(first)));
        assertPreconditionFailed(get(server, "/hello.txt", "If-Unmodified-Since: " + LONG_AGO,
                "If-Modified-Since: " + lastModified(first)));
    }

    @Test
    @DisplayName("When If-Match holds, the later steps still apply in their turn: If-None-Match gets 304, Range with"
            + " If-Range gets 206 (RFC 9110 §13.2.2 steps 3 and 5)")
    @Tag("step7.6")
    void laterStepsAfterIfMatch(TestServer server) {
        byte[] file = siteFile("/hello.txt");
        String etag = etag(get(server, "/hello.txt"));

        assertNotModified(get(server, "/hello.txt", "If-Match: " + etag, "If-None-Match: " + etag), etag);
        WireResponse part = get(server, "/hello.txt", "If-Match: " + etag, "Range: bytes=0-4", "If-Range: " + etag);
        assertThat(part.statusLine()).isEqualTo("HTTP/1.1 206 Partial Content");
        assertThat(part.body()).isEqualTo(Arrays.copyOf(file, 5));
    }

    @Test
    @DisplayName("Preconditions only turn a 2xx into 412: a missing file keeps its 404, a folder without its slash its"
            + " 301 (RFC 9110 §13.2.1)")
    @Tag("step7.8")
    void onlyFor2xx(TestServer server) {
        String ifMatch = "If-Match: \"another-version\"";
        assertPreconditionFailed(get(server, "/hello.txt", ifMatch));

        assertThat(get(server, "/no-such-file.txt", ifMatch).status()).isEqualTo(404);
        assertThat(get(server, "/docs", ifMatch).status()).isEqualTo(301);
    }

    @Test
    @DisplayName("A 412 leaves a persistent connection open: the next request is answered on it (RFC 9112 §9.3)")
    @Tag("step7.5")
    void preconditionFailedOnPersistentConnection(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", "If-Match: \"another-version\"")
                    + persistentHead(server, "GET /robots.txt HTTP/1.1", "Connection: close"));

            assertPreconditionFailed(connection.readNextResponse());
            assertServes(connection.readNextResponse(), "/robots.txt");
        }
    }

    /** RFC 9110 §15.5.13: 412 with an error page of its own length, and no part of any file. */
    private static void assertPreconditionFailed(WireResponse response) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 412 Precondition Failed");
        assertThat(response.field("Content-Type")).as("Content-Type of the 412").hasValueSatisfying(type ->
                assertThat(MediaType.parse(type).essence()).isEqualTo("text/html"));
        assertThat(response.field("Content-Length")).as("Content-Length of the 412")
                .contains("" + response.body().length);
        assertThat(response.field("Content-Range")).as("Content-Range of the 412").isEmpty();
        assertThat(response.trailingBytes()).as("bytes after the 412").isEmpty();
    }
}
