package lowweb.conformance;

import static lowweb.conformance.Requests.startOfHead;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code headerTimeoutMs} is how long a client has, from the moment its connection is accepted, to send its whole
 * request head. One that began a head and did not finish it in time gets 408 with {@code Connection: close}; one that
 * sent nothing at all is closed without a word. The time is a deadline for the whole head, not a pause between two
 * reads, or a client sending a byte now and then could hold its connection for ever. Here it is 500 ms.
 */
@Tag("stage5")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: a head not sent within headerTimeoutMs gets 408 (RFC 9110 §15.5.9, course requirement)")
class HeaderTimeoutTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Timers may fire a little early by the test's clock; the server still must not answer long before its time. */
    private static final Duration NOT_BEFORE = TIMEOUT.minusMillis(100);
    /** The deadline, plus room for a busy machine: a server that waits for another byte takes far longer. */
    private static final Duration WITHIN = Duration.ofSeconds(3);
    private static final Duration DRIBBLE_PAUSE = Duration.ofMillis(200);

    static Stream<Named<BiConsumer<TestServer, RawConnection>>> unfinishedHeads() {
        return Stream.of(
                Named.of("sends half a head and waits",
                        (server, connection) -> connection.write(startOfHead(server))),
                // 25 bytes take 5 s: a server that waits for each next byte answers well after WITHIN, if ever.
                Named.of("sends its request line one byte every 200 ms, never pausing for the whole time-out",
                        (server, connection) -> connection.dribble(Bytes.ascii("GET /hello.txt HTTP/1.1\r\n"),
                                DRIBBLE_PAUSE)));
    }

    @ParameterizedTest(name = "[{index}] a client that {0}")
    @MethodSource("unfinishedHeads")
    @DisplayName("A head not finished in time gets 408 with Connection: close, then the connection is closed")
    @Tag("step5.4")
    void unfinishedHead(BiConsumer<TestServer, RawConnection> client, Servers servers, @TempDir Path dir) {
        TestServer server = withHeaderTimeout(servers, dir);

        Answer answer = answerTo(server, connection -> {
            client.accept(server, connection);
            return connection.readResponse(false, RawClient.CLOSE_EXPECTED);
        });

        // 408: the server will not wait any longer; Connection: close, it closes (RFC 9112 §9.6).
        assertThat(answer.response().statusLine()).isEqualTo("HTTP/1.1 408 Request Timeout");
        assertThat(answer.response().field("Connection")).contains("close");
        assertThat(answer.response().closed()).as("connection closed after the 408").isTrue();
        assertThat(answer.elapsed()).as("time until the 408").isBetween(NOT_BEFORE, WITHIN);
    }

    @Test
    @DisplayName("A client that sends nothing is closed once the time is over, without a response")
    @Tag("step5.4")
    void silentClient(Servers servers, @TempDir Path dir) {
        TestServer server = withHeaderTimeout(servers, dir);

        Answer answer = answerTo(server, RawConnection::readResponse);

        assertThat(answer.response().isEmpty()).as("no byte sent").isTrue();
        assertThat(answer.response().closed()).as("connection closed").isTrue();
        assertThat(answer.elapsed()).as("time until the close").isBetween(NOT_BEFORE, WITHIN);
    }

    /** What a client got and how long after it connected: the time-out runs from the connection's start. */
    private record Answer(WireResponse response, Duration elapsed) {
    }

    /** Opens a connection on which {@code client} sends what it sends and reads the answer. */
    private static Answer answerTo(TestServer server, Function<RawConnection, WireResponse> client) {
        long start = System.nanoTime();
        try (RawConnection connection = server.raw().open()) {
            WireResponse response = client.apply(connection);
            return new Answer(response, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static TestServer withHeaderTimeout(Servers servers, Path dir) {
        return startedWithLog(servers, dir, site(dir, "hello.txt", "hello\n"),
                "\"headerTimeoutMs\": " + TIMEOUT.toMillis());
    }
}
