package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each test does something no well-behaved client does, then checks that the next client still gets a file. Refusing
 * is always allowed: a 4xx response, or closing the connection without a word.
 */
@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: no input from one client stops the server from serving the next (RFC 9110 §17)")
class HostileInputTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    @Tag("step2.2")
    @DisplayName("A client that closes in the middle of its request line does not stop the server")
    void closesMidRequest(TestServer server) throws IOException {
        try (RawConnection connection = server.raw().open()) {
            connection.write("GET /hel");
        }

        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    @Test
    @Tag("step2.2")
    @DisplayName("A client that resets the connection in the middle of its header fields does not stop the server")
    void resetsMidRequest(TestServer server) throws IOException {
        RawConnection connection = server.raw().open();
        connection.write("GET /hello.txt HTTP/1.1\r\nHo");
        connection.reset();

        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    @Test
    @Tag("step2.2")
    @DisplayName("A connection that sends nothing before closing does not stop the server")
    void sendsNothing(TestServer server) throws IOException {
        try (RawConnection connection = server.raw().open()) {
            connection.shutdownOutput();
            connection.awaitClose(RawClient.CLOSE_PROBE);
        }

        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    @Test
    @Tag("step2.2")
    @DisplayName("Random bytes instead of a request get a 4xx or a close, and the next client is served "
            + "(RFC 9112 §2.2)")
    void binaryGarbage(TestServer server) throws IOException {
        byte[] garbage = new byte[4096];
        new Random(9112).nextBytes(garbage);

        WireResponse response = sendAllowingReset(server, concat(garbage, Bytes.ascii("\r\n\r\n")));

        assertThat(response).is(refused());
        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    // A server that stops reading without answering or closing blocks the client's write for good; only a test on a
    // thread of its own can still be stopped by its time-out then.
    @Test
    @Tag("step2.7")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("A 1 MiB header field is refused with a 4xx or a close, never served (RFC 9112 §5, RFC 6585 §5)")
    void hugeHeaderField(TestServer server) throws IOException {
        byte[] request = concat(
                Bytes.ascii("GET /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\nX-Filler: "),
                Bytes.ascii("a".repeat(ONE_MIB)),
                Bytes.ascii("\r\nConnection: close\r\n\r\n"));

        WireResponse response = sendAllowingReset(server, request);

        assertThat(response).is(refused());
        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    @Test
    @Tag("step2.7")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("1 MiB of small header fields is refused with a 4xx or a close, never served "
            + "(RFC 9112 §5, RFC 6585 §5)")
    void manyHeaderFields(TestServer server) throws IOException {
        StringBuilder request = new StringBuilder("GET /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n");
        for (int i = 0; request.length() < ONE_MIB; i++) {
            request.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");

        WireResponse response = sendAllowingReset(server, Bytes.ascii(request.toString()));

        assertThat(response).is(refused());
        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    @Test
    @Tag("step2.2")
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("A 100 KiB request line is refused with a 4xx or a close, never served "
            + "(RFC 9112 §3, RFC 9110 §15.5.15)")
    void hugeRequestLine(TestServer server) throws IOException {
        String request = "GET /" + "a".repeat(100 * 1024) + " HTTP/1.1\r\nHost: " + server.authority()
                + "\r\nConnection: close\r\n\r\n";

        WireResponse response = sendAllowingReset(server, Bytes.ascii(request));

        assertThat(response).is(refused());
        assertThat(get(server, "/hello.txt").body()).as("the next client's hello.txt").isEqualTo(hello(server));
    }

    /**
     * Sends bytes the server may refuse before reading them all; its refusal can then reset the connection, which
     * loses any response still on its way: that counts as a close without a response.
     */
    private static WireResponse sendAllowingReset(TestServer server, byte[] request) {
        try (RawConnection connection = server.raw().open()) {
            connection.writeAllowingReset(request);
            return connection.readResponse(false, RawClient.CLOSE_PROBE);
        }
    }

    private static byte[] hello(TestServer server) throws IOException {
        return Files.readAllBytes(server.root().resolve("hello.txt"));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
