package lowweb.conformance;

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
 * The validators of a response, ETag and Last-Modified (RFC 9110 §8.8), and dates written as HTTP writes them, for
 * the conditional requests that send them back.
 */
final class Validators {

    /** RFC 9110 §5.6.7: IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Validators() {
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

    /** An instant as an IMF-fixdate (RFC 9110 §5.6.7), the form of the dates a client sends in its conditions. */
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
}
