package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.ResponseAssertions.assertNotModified;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.Validators.etag;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A request costs the server time in proportion to its bytes, whatever they hold. A parser that backtracks can be
 * made to read the same bytes again and again: one connection that pipelines such requests then keeps a processor
 * busy for as long as it likes. The server serves {@code shared-site} with the default {@code maxRequestBytes} of 8192.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: no field value costs the server more than the time to read it (RFC 9110 §5.6.1, §13.1.2)")
class ParsingTimeTest {

    private static final int HEAD_BYTES = 8192;
    private static final int REQUESTS = 40;
    /** The fixed server answers all of them in well under half a second; a quadratic parser takes 8 s or more. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(5);

    // A server that reads the pipelined heads slowly may leave this test blocked in its write; only a test on a thread
    // of its own can still be stopped by its time-out then.
    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("40 pipelined GETs, each with an If-None-Match of 8000 blanks between two letters that fills its head,"
            + " get their 200s within 5 s, and a last GET with the file's ETag gets 304 (RFC 9110 §13.1.2, §5.6.1)")
    @Tag("step7.2")
    void blanksInIfNoneMatch(TestServer server) {
        String etag = etag(get(server, "/hello.txt"));
        String requestLine = "GET /hello.txt HTTP/1.1";
        int blanks = HEAD_BYTES - persistentHead(server, requestLine, "If-None-Match: ab").length();
        String adversarial = persistentHead(server, requestLine, "If-None-Match: a" + " ".repeat(blanks) + "b");
        assertThat(adversarial).as("the adversarial head").hasSize(HEAD_BYTES);

        try (RawConnection connection = server.raw().open()) {
            long start = System.nanoTime();
            connection.write(adversarial.repeat(REQUESTS) + persistentHead(server, requestLine, "If-None-Match: " + etag));

            for (int i = 1; i <= REQUESTS; i++) {
                WireResponse response = connection.readNextResponse();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

                assertServes(response, "/hello.txt");
                assertThat(elapsed).as("time until the response to request %d of %d", i, REQUESTS)
                        .isLessThan(ANSWERED_WITHIN);
            }
            assertNotModified(connection.readNextResponse(), etag);
        }
    }
}
