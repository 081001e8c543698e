package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Validators.etag;
import static lowweb.conformance.Validators.instant;
import static lowweb.conformance.Validators.lastModified;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file's modification time is whatever its file system says: a clock set wrong, an unpacked archive or
 * {@code touch -d} can put it thousands of years away. IMF-fixdate has a four-digit year, so not every such time can
 * be written as a date; the file must still be served, and any date about it must still be an IMF-fixdate.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: a file with a modification time far in the past or future is served (RFC 9110 §5.6.7)")
class FileTimesTest {

    /** RFC 9110 §5.6.7: IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final String IMF_FIXDATE =
            "[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT";

    @ParameterizedTest(name = "[{index}] modified {0}")
    @ValueSource(strings = {"+10000-01-01T00:00:00Z", "1900-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "-0001-06-01T00:00:00Z"})
    @DisplayName("A file modified at a time IMF-fixdate may not be able to write is served 200 with a Last-Modified, and"
            + " every date field of the response is an IMF-fixdate (RFC 9110 §5.6.7, §8.8.2)")
    @Tag("step7.1")
    void servedWhateverItsTime(String modified, Servers servers, @TempDir Path dir) throws IOException {
        Path root = site(dir, "old.txt", "from another time\n");
        Files.setLastModifiedTime(root.resolve("old.txt"), FileTime.from(Instant.parse(modified)));
        TestServer server = servers.serving(root);

        WireResponse response = get(server, "/old.txt");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("from another time\n");
        assertThat(response.fieldValues("Date")).as("Date").singleElement().matches(d -> d.matches(IMF_FIXDATE));
        // The validator is the point of this test: a server that sends no Last-Modified never has to write the date.
        assertThat(response.fieldValues("Last-Modified")).as("Last-Modified").singleElement()
                .matches(d -> d.matches(IMF_FIXDATE));
    }

    @Test
    @DisplayName("A file modified in the future is sent with a Last-Modified no later than the response's Date, in a 200,"
            + " a 304 and a HEAD alike, and keeps its ETag (RFC 9110 §8.8.2.1)")
    @Tag("step7.4")
    void futureTimeIsSentAsDate(Servers servers, @TempDir Path dir) throws IOException {
        Path root = site(dir, "ahead.txt", "written by a clock that runs ahead\n");
        Files.setLastModifiedTime(root.resolve("ahead.txt"), FileTime.from(Instant.now().plus(Duration.ofDays(1))));
        TestServer server = servers.serving(root);

        WireResponse whole = get(server, "/ahead.txt");
        WireResponse notModified = get(server, "/ahead.txt", "If-None-Match: " + etag(whole));
        WireResponse headOnly = head(server, "/ahead.txt");

        assertThat(whole.status()).isEqualTo(200);
        assertThat(notModified.status()).isEqualTo(304);
        for (WireResponse response : new WireResponse[] {whole, notModified, headOnly}) {
            assertThat(instant(lastModified(response))).as("Last-Modified of the %s", response.statusLine())
                    .isBeforeOrEqualTo(instant(response.field("Date").orElseThrow()));
            assertThat(response.field("ETag")).as("ETag of the %s", response.statusLine()).contains(etag(whole));
        }
    }
}
