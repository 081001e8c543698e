package lowweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Whatever bytes a client sends, reading them as requests ends in one of the ways {@link Connection} handles: a
 * request, an {@link HttpError} that becomes an error response, or the end of the input. Any other exception would
 * escape the connection's handling: a bug, and on a real server a connection closed without an answer.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs once per file in {@code RequestHeadFuzzTestInputs/}; with it, Jazzer
 * mutates those files into new inputs, guided by which branches of the parser each input reaches.
 */
@Tag("fuzz")
class RequestHeadFuzzTest {

    private static final Settings LIMITS = Settings.DEFAULTS;

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any bytes read as pipelined requests give requests free of NUL, CR and LF, then an HttpError or the end"
            + " of the input (RFC 9112 §2.2, RFC 9110 §5.5)")
    void anyBytesGiveRequestsOrAnHttpError(byte[] bytes) {
        try {
            readEveryRequest(bytes);
        } catch (HttpError e) {
            assertThat(e.status().code()).as("status of the HttpError for %s", Printable.bytes(bytes))
                    .isBetween(400, 599);
        } catch (EOFException e) {
            // The input ended between two requests or inside a body: the client hung up, nobody is left to answer.
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("reading the request head " + Printable.bytes(bytes) + " threw " + e, e);
        }
    }

    /**
     * What {@link Connection} does for each request, minus the answer: read a head, parse it, skip its body. A
     * pipelining client sends the next request right after the body, so the loop reads on until the bytes run out.
     */
    private static void readEveryRequest(byte[] bytes) throws IOException, HttpError {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
        while (true) {
            Request request = Request.parse(
                    new HeadReader(in, LIMITS.maxRequestBytes(), LIMITS.maxHeaderCount()).readLines());
            requireNoControlCharacters(request);
            RequestBody.discard(RequestBody.framing(request), in, LIMITS.maxBodyBytes(), LIMITS.maxRequestBytes());
            // Connection asks this of every request it has read: it must not throw either.
            request.wantsPersistence();
        }
    }

    /** RFC 9110 §5.5: a request that got through parsing carries no NUL, CR or LF in its target or field values. */
    private static void requireNoControlCharacters(Request request) {
        assertThat(request.line().target()).doesNotContain("\0", "\r", "\n");
        for (HeaderFields.Field field : request.fields().fields()) {
            assertThat(field.value()).as("value of %s", field.name()).doesNotContain("\0", "\r", "\n");
        }
    }
}
