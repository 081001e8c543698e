package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What the stage-7 tests share: requests with extra header fields, the validators of a response, and dates written
 * as HTTP writes them.
 */
final class Stage7Fixtures {

    /** RFC 9110 §5.6.7: IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Stage7Fixtures() {
    }

    /** {@code GET target HTTP/1.1} with Host, the given field lines and Connection: close. */
    static WireResponse get(TestServer server, String target, String... fieldLines) {
        return Requests.withRequestLine(server, "GET " + target + " HTTP/1.1", fieldLines);
    }

    /** {@code HEAD target HTTP/1.1} with Host, the given field lines and Connection: close. */
    static WireResponse head(TestServer server, String target, String... fieldLines) {
        return Requests.withRequestLine(server, "HEAD " + target + " HTTP/1.1", fieldLines);
    }

    /** The response's ETag; fails the test when there is none. */
    static String etag(WireResponse response) {
        return response.field("ETag").orElseThrow(() -> new AssertionError(
                "no ETag in the response to a file (RFC 9110 §8.8.3):\n" + response.head()));
    }

    /** The response's Last-Modified; fails the test when there is none. */
    static String lastModified(WireResponse response) {
        return response.field("Last-Modified").orElseThrow(() -> new AssertionError(
                "no Last-Modified in the response to a file (RFC 9110 §8.8.2):\n" + response.head()));
    }

    static String httpDate(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** The instant an IMF-fixdate in a response names; fails the test when it is no IMF-fixdate. */
    static Instant instant(String httpDate) {
        try {
            return IMF_FIXDATE.parse(httpDate, Instant::from);
        } catch (DateTimeParseException e) {
            throw new AssertionError("not an IMF-fixdate (RFC 9110 §5.6.7): \"" + httpDate + "\"", e);
        }
    }

    /** When the file last changed, to the second, as Last-Modified can say it. */
    static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 9110 §15.4.5: 304 with the validators and without content or a Content-Length of its own. */
    static void assertNotModified(WireResponse response, String etag) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 304 Not Modified");
        assertThat(response.field("ETag")).as("ETag of the 304").contains(etag);
        assertThat(response.field("Date")).as("Date of the 304").isPresent();
        assertThat(response.field("Content-Length")).as("Content-Length of the 304").isEmpty();
        assertThat(response.body()).as("content of the 304").isEmpty();
        assertThat(response.trailingBytes()).as("bytes after the 304's head").isEmpty();
    }
}
