package lowweb.conformance;

import static lowweb.conformance.Requests.persistentHead;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the stage-6 tests share: requests on a connection that stays open, the {@code Connection} field read as the
 * list of options it is, the checks that a connection persists or ends or answers before a request's content, and a
 * fingerprint of a body too large to keep in memory.
 */
final class Stage6Fixtures {

    /** How long a server may take to close a connection that its last response said would end. */
    static final Duration CLOSE_WAIT = RawClient.CLOSE_EXPECTED;
    /**
     * How long curl waits for an answer to {@code Expect: 100-continue} before it sends the content anyway: a server
     * that answers later has kept the client waiting for nothing (RFC 9110 §10.1.1).
     */
    static final Duration CONTINUE_WAIT = Duration.ofSeconds(1);

    private Stage6Fixtures() {
    }

    /** The bytes of the file in {@code shared-site} that a target without percent-escapes names. */
    static byte[] siteFile(String target) {
        try {
            return Files.readAllBytes(ServerExtension.sharedSite().resolve(target.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response is 200 with the exact bytes of the file in {@code shared-site} that {@code target} names. */
    static void assertServes(WireResponse response, String target) {
        assertThat(response.status()).as("status of %s", target).isEqualTo(200);
        assertThat(response.body()).as("body of %s", target).isEqualTo(siteFile(target));
    }

    /** Sends {@code GET target HTTP/1.1} with Host and nothing else on the connection, and reads its response. */
    static WireResponse get(RawConnection connection, TestServer server, String target) {
        return exchange(connection, persistentHead(server, "GET " + target + " HTTP/1.1"));
    }

    /** Writes one request on the connection and reads exactly one response; what follows it stays unread. */
    static WireResponse exchange(RawConnection connection, String request) {
        connection.write(request);
        return connection.readNextResponse();
    }

    /**
     * The options of the response's Connection field, in lower case: the field is a comma-separated list of
     * case-insensitive tokens (RFC 9110 §7.6.1), so {@code Keep-Alive, Upgrade} is {@code [keep-alive, upgrade]}.
     */
    static List<String> connectionOptions(WireResponse response) {
        return response.fieldValues("Connection").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(option -> option.strip().toLowerCase(Locale.ROOT))
                .filter(option -> !option.isEmpty())
                .toList();
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

    /** The response tells the client that the connection stays open for another request (RFC 9112 §9.3). */
    static void assertPersists(WireResponse response) {
        assertThat(connectionOptions(response)).as("options of the Connection field of \"%s\"", response.statusLine())
                .contains("keep-alive")
                .doesNotContain("close");
    }

    /**
     * The response says {@code Connection: close}, and then the server closes the connection without sending
     * another byte (RFC 9112 §9.6).
     */
    static void assertLastResponse(WireResponse response, RawConnection connection) {
        assertThat(connectionOptions(response)).as("options of the Connection field of \"%s\"", response.statusLine())
                .contains("close");
        assertClosedSilently(connection, CLOSE_WAIT);
    }

    /** The server closes the connection within {@code wait}, and sends nothing before it closes. */
    static void assertClosedSilently(RawConnection connection, Duration wait) {
        byte[] extra = connection.readUntilClose(wait);
        assertThat(Bytes.escape(extra)).as("bytes the server sent instead of closing").isEmpty();
        assertThat(connection.closedByServer()).as("the server closed the connection within %d ms", wait.toMillis())
                .isTrue();
    }

    /** The connection is still open a moment after the last response, and nothing more came on it. */
    static void assertStillOpen(RawConnection connection) {
        byte[] extra = connection.readUntilClose(RawClient.CLOSE_PROBE);
        assertThat(Bytes.escape(extra)).as("bytes after the last response").isEmpty();
        assertThat(connection.closedByServer()).as("the server closed a connection that should persist").isFalse();
    }

    /**
     * Takes a body that passes through it and keeps only its length and SHA-256, in the form of
     * {@link Stage5Fixtures#fingerprint(java.nio.file.Path)}: a body of hundreds of megabytes costs no memory.
     */
    static final class BodyFingerprint extends OutputStream {

        private final MessageDigest digest = Stage5Fixtures.sha256();
        private long length;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            length++;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            digest.update(bytes, offset, count);
            length += count;
        }

        /** The fingerprint of what was written; call once, after the whole body. */
        String fingerprint() {
            return Stage5Fixtures.fingerprint(length, digest);
        }
    }
}
