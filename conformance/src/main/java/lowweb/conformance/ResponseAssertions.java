package lowweb.conformance;

import static lowweb.conformance.Sites.siteFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks that more than one test makes of what a server answered: the file it served, a 304, and what it did with
 * the connection afterwards: kept it open, closed it without another byte, or answered before a request's content.
 */
final class ResponseAssertions {

    /**
     * How long curl waits for an answer to {@code Expect: 100-continue} before it sends the content anyway: a server
     * that answers later has kept the client waiting for nothing (RFC 9110 §10.1.1).
     */
    static final Duration CONTINUE_WAIT = Duration.ofSeconds(1);

    private ResponseAssertions() {
    }

    /** The response is 200 with the exact bytes of the file in {@code shared-site} that {@code target} names. */
    static void assertServes(WireResponse response, String target) {
        assertThat(response.status()).as("status of %s", target).isEqualTo(200);
        assertThat(response.body()).as("body of %s", target).isEqualTo(siteFile(target));
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

    /**
     * The options of the response's Connection field, in lower case: the field is a comma-separated list of
     * case-insensitive tokens (RFC 9110 §7.6.1), so {@code Keep-Alive, Upgrade} is {@code [keep-alive, upgrade]}.
     */
    private static List<String> connectionOptions(WireResponse response) {
        return response.fieldValues("Connection").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(option -> option.strip().toLowerCase(Locale.ROOT))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /** The response tells the client that the connection stays open for another request (RFC 9112 §9.3). */
    static void assertPersists(WireResponse response) {
        assertThat(connectionOptions(response)).as("options of the Connection field of \"%s\"", response.statusLine())
                .contains("keep-alive")
                .doesNotContain("close");
    }

    /** The connection is still open a moment after the last response, and nothing more came on it. */
    static void assertStillOpen(RawConnection connection) {
        byte[] extra = connection.readUntilClose(RawClient.CLOSE_PROBE);
        assertThat(Bytes.escape(extra)).as("bytes after the last response").isEmpty();
        assertThat(connection.closedByServer()).as("the server closed a connection that should persist").isFalse();
    }

    /**
     * The response says {@code Connection: close}, and then the server closes the connection without sending
     * another byte (RFC 9112 §9.6).
     */
    static void assertLastResponse(WireResponse response, RawConnection connection) {
        assertThat(connectionOptions(response)).as("options of the Connection field of \"%s\"", response.statusLine())
                .contains("close");
        assertClosedSilently(connection, RawClient.CLOSE_EXPECTED);
    }

    /** The server closes the connection within {@code wait}, and sends nothing before it closes. */
    static void assertClosedSilently(RawConnection connection, Duration wait) {
        byte[] extra = connection.readUntilClose(wait);
        assertThat(Bytes.escape(extra)).as("bytes the server sent instead of closing").isEmpty();
        assertThat(connection.closedByServer()).as("the server closed the connection within %d ms", wait.toMillis())
                .isTrue();
    }

    /**
     * The server begins its answer to a head with {@code Expect: 100-continue} within {@link #CONTINUE_WAIT}, while
     * the client still holds the content back.
     */
    static void assertAnswersBeforeContent(RawConnection connection) {
        assertThat(connection.awaitAnswer(CONTINUE_WAIT))
                .as("the server answered within %d ms, before any content was sent", CONTINUE_WAIT.toMillis())
                .isTrue();
    }
}
