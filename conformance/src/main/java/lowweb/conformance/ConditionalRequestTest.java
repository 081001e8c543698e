package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertNotModified;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.Validators.etag;
import static lowweb.conformance.Validators.httpDate;
import static lowweb.conformance.Validators.lastModified;
import static lowweb.conformance.Validators.modified;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Sites.siteFile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client that has a copy of a file asks whether it changed, and gets 304 with no content when it did not. The
 * server serves {@code shared-site}, except where a test changes a file of its own.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: validators and conditional GET (RFC 9110 §8.8, §13)")
class ConditionalRequestTest {

    /** How long a server may go on answering from what it found before a file changed. */
    private static final Duration CHANGE_SEEN_WITHIN = Duration.ofSeconds(3);

    @Test
    @DisplayName("A file is sent with a strong ETag and its modification time as Last-Modified, an IMF-fixdate"
            + " (RFC 9110 §8.8.2, §8.8.3)")
    @Tag("step7.2")
    void validators(TestServer server) {
        server.rest()
                .when().get("/hello.txt")
                .then().statusCode(200)
                .header("ETag", matchesPattern("\"[\\x21\\x23-\\x7e]+\""))
                .header("Last-Modified", httpDate(modified(server.root().resolve("hello.txt"))));
    }

    @Test
    @DisplayName("If-None-Match with the file's ETag gets 304 Not Modified: Date and ETag, no content, no"
            + " Content-Length (RFC 9110 §13.1.2, §15.4.5)")
    @Tag("step7.2")
    void ifNoneMatch(TestServer server) {
        String etag = etag(get(server, "/hello.txt"));

        assertNotModified(get(server, "/hello.txt", "If-None-Match: " + etag), etag);
        assertNotModified(head(server, "/hello.txt", "If-None-Match: " + etag), etag);
    }

    @ParameterizedTest(name = "[{index}] If-None-Match: {0}")
    @ValueSource(strings = {"*", "\"other\", ETAG", "W/ETAG", "\"a\",ETAG ,\"b\""})
    @DisplayName("If-None-Match matches \"*\", and any tag of a list compared weakly, W/ or not (RFC 9110 §8.8.3.2,"
            + " §13.1.2)")
    @Tag("step7.2")
    void ifNoneMatchForms(String field, TestServer server) {
        String etag = etag(get(server, "/hello.txt"));

        assertNotModified(get(server, "/hello.txt", "If-None-Match: " + field.replace("ETAG", etag)), etag);
    }

    @Test
    @DisplayName("If-None-Match with other tags gets the whole file with 200 (RFC 9110 §13.1.2)")
    @Tag("step7.2")
    void ifNoneMatchOtherTag(TestServer server) {
        String etag = etag(get(server, "/hello.txt"));

        byte[] body = server.rest()
                .header("If-None-Match", "\"not-" + etag.replace("\"", "") + "\"")
                .when().get("/hello.txt")
                .then().statusCode(200)
                .header("ETag", etag)
                .extract().asByteArray();

        assertThat(body).isEqualTo(siteFile("/hello.txt"));
    }

    @Test
    @DisplayName("If-Modified-Since at or after Last-Modified gets 304, before it gets 200 (RFC 9110 §13.1.3)")
    @Tag("step7.3")
    void ifModifiedSince(TestServer server) {
        WireResponse first = get(server, "/hello.txt");
        Instant modified = modified(server.root().resolve("hello.txt"));

        assertNotModified(get(server, "/hello.txt", "If-Modified-Since: " + lastModified(first)), etag(first));
        assertNotModified(get(server, "/hello.txt", "If-Modified-Since: " + httpDate(modified.plusSeconds(60))),
                etag(first));
        assertServes(get(server, "/hello.txt", "If-Modified-Since: " + httpDate(modified.minusSeconds(1))),
                "/hello.txt");
    }

    @ParameterizedTest(name = "[{index}] If-Modified-Since: {0}")
    @ValueSource(strings = {"yesterday", "2026-01-01T00:00:00Z", "Sun, 06 Nov 1994 08:49:37", "0"})
    @DisplayName("If-Modified-Since that is not a valid HTTP-date is ignored: 200, where a valid date gets 304"
            + " (RFC 9110 §13.1.3)")
    @Tag("step7.3")
    void invalidDate(String date, TestServer server) {
        WireResponse first = get(server, "/hello.txt");
        assertNotModified(get(server, "/hello.txt", "If-Modified-Since: " + lastModified(first)), etag(first));

        assertServes(get(server, "/hello.txt", "If-Modified-Since: " + date), "/hello.txt");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM ppd HH:mm:ss yyyy"})
    @DisplayName("If-Modified-Since in the obsolete RFC 850 and asctime formats is read too (RFC 9110 §5.6.7)")
    @Tag("step7.3")
    void obsoleteDateFormats(String pattern, TestServer server) {
        WireResponse first = get(server, "/hello.txt");
        Instant later = modified(server.root().resolve("hello.txt")).plusSeconds(3600);
        String date = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withZone(ZoneOffset.UTC).format(later);

        assertNotModified(get(server, "/hello.txt", "If-Modified-Since: " + date), etag(first));
    }

    @ParameterizedTest(name = "[{index}] {0}, {1} years ago, gets {2}")
    @CsvSource(delimiter = '|', value = {
            "EEEE, dd-MMM-yy HH:mm:ss 'GMT' | 40 | 304",
            "EEEE, dd-MMM-yy HH:mm:ss 'GMT' | 48 | 200",
            "EEE MMM ppd HH:mm:ss yyyy      | 40 | 304"})
    @DisplayName("RFC 850's two-digit year is one of the hundred years up to 50 years from now: for a file of 45 years"
            + " ago, the date of 40 years ago gets 304 and the one of 48 years ago 200 (RFC 9110 §5.6.7)")
    @Tag("step7.3")
    void twoDigitYears(String pattern, int yearsAgo, int status, Servers servers, @TempDir Path dir)
            throws IOException {
        // Relative to now, as the rule is: in 2026, 86 is 1986 (2086 would be more than 50 years ahead), and 78 is
        // 1978, both on the right day of the week only in the century the rule picks.
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        Path root = site(dir, "old.txt", "written 45 years ago\n");
        Files.setLastModifiedTime(root.resolve("old.txt"), FileTime.from(now.minusYears(45).toInstant()));
        TestServer server = servers.serving(root);
        String date = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).format(now.minusYears(yearsAgo));

        WireResponse response = get(server, "/old.txt", "If-Modified-Since: " + date);

        assertThat(response.status()).as("status for If-Modified-Since: %s", date).isEqualTo(status);
    }

    @Test
    @DisplayName("If-Modified-Since is ignored when If-None-Match is present: a tag that does not match gets 200"
            + " even with a date that alone gets 304 (RFC 9110 §13.1.3, §13.2.2)")
    @Tag("step7.3")
    void ifNoneMatchWins(TestServer server) {
        WireResponse first = get(server, "/hello.txt");
        String since = "If-Modified-Since: " + lastModified(first);
        assertNotModified(get(server, "/hello.txt", since), etag(first));

        assertServes(get(server, "/hello.txt", "If-None-Match: \"some-other-version\"", since), "/hello.txt");
    }

    @Test
    @DisplayName("When the file changes, so do its ETag and Last-Modified, and the old ETag gets the new file"
            + " within a few seconds (RFC 9110 §8.8.3; a server may reuse what it found for a moment, RFC 9111 §4.2)")
    @Tag("step7.2")
    void changedFile(Servers servers, @TempDir Path root) throws IOException, InterruptedException {
        Path file = Files.writeString(root.resolve("news.txt"), "old news\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        TestServer server = servers.serving(root);
        WireResponse before = get(server, "/news.txt");

        Files.writeString(file, "fresh news, longer\n");
        WireResponse after = get(server, "/news.txt", "If-None-Match: " + etag(before));
        for (int tries = 0; after.status() == 304 && tries < CHANGE_SEEN_WITHIN.toMillis() / 100; tries++) {
            Thread.sleep(100);
            after = get(server, "/news.txt", "If-None-Match: " + etag(before));
        }

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.bodyText()).isEqualTo("fresh news, longer\n");
        assertThat(etag(after)).isNotEqualTo(etag(before));
        assertThat(lastModified(after)).isNotEqualTo(lastModified(before));
    }

    @Test
    @DisplayName("A 304 on a persistent connection ends with its head: the next response follows at once"
            + " (RFC 9112 §6.3)")
    @Tag("step7.2")
    void notModifiedOnPersistentConnection(TestServer server) {
        String etag = etag(get(server, "/hello.txt"));

        try (RawConnection connection = server.raw().open()) {
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1", "If-None-Match: " + etag)
                    + persistentHead(server, "GET /robots.txt HTTP/1.1", "Connection: close"));

            assertNotModified(connection.readNextResponse(), etag);
            assertServes(connection.readNextResponse(), "/robots.txt");
        }
    }
}
