package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Tag("stage1")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 1: a TCP echo server (RFC 862)")
class EchoTest {

    @Test
    @Tag("step1.1")
    @DisplayName("ASCII bytes come back unchanged (RFC 862)")
    void echoesAscii(TestServer server) {
        byte[] message = "hello, echo\r\n".getBytes(StandardCharsets.US_ASCII);
        try (RawConnection connection = server.raw().open()) {
            connection.write(message);
            assertThat(connection.readExactly(message.length)).isEqualTo(message);
        }
    }

    @Test
    @Tag("step1.1")
    @DisplayName("UTF-8 text comes back byte for byte, multi-byte characters intact (RFC 862)")
    void echoesUtf8(TestServer server) {
        byte[] message = "Привет, мир! こんにちは 🌍\n".getBytes(StandardCharsets.UTF_8);
        try (RawConnection connection = server.raw().open()) {
            connection.write(message);
            assertThat(connection.readExactly(message.length)).isEqualTo(message);
        }
    }

    @Test
    @Tag("step1.2")
    @DisplayName("Arbitrary binary data, every byte value 0-255 and 64 KiB of noise, comes back unchanged (RFC 862)")
    void echoesBinary(TestServer server) {
        byte[] everyValue = new byte[256];
        for (int i = 0; i < everyValue.length; i++) {
            everyValue[i] = (byte) i;
        }
        byte[] noise = new byte[64 * 1024];
        new Random(862).nextBytes(noise);
        try (RawConnection connection = server.raw().open()) {
            connection.write(everyValue);
            assertThat(connection.readExactly(everyValue.length)).isEqualTo(everyValue);
            connection.write(noise);
            assertThat(connection.readExactly(noise.length)).isEqualTo(noise);
        }
    }

    @Test
    @Tag("step1.2")
    @DisplayName("Several messages on one connection are each echoed in order (RFC 862)")
    void severalMessagesOnOneConnection(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            for (String message : new String[] {"first\n", "second\n", "third\n"}) {
                byte[] bytes = message.getBytes(StandardCharsets.US_ASCII);
                connection.write(bytes);
                assertThat(connection.readExactly(bytes.length)).asString().isEqualTo(message);
            }
        }
    }

    @Test
    @Tag("step1.1")
    @DisplayName("When the client closes its side, the server finishes echoing and closes too (RFC 862)")
    void closesAfterClient(TestServer server) {
        try (RawConnection connection = server.raw().open()) {
            connection.write("bye\n");
            connection.shutdownOutput();
            assertThat(connection.readExactly(4)).asString().isEqualTo("bye\n");
            assertThat(connection.awaitClose(Duration.ofSeconds(5))).as("server closed the connection").isTrue();
        }
    }

    @Test
    @Tag("step1.1")
    @DisplayName("The next client is served after the previous one disconnects")
    void nextClientAfterDisconnect(TestServer server) {
        try (RawConnection first = server.raw().open()) {
            first.write("one\n");
            assertThat(first.readExactly(4)).asString().isEqualTo("one\n");
        }
        try (RawConnection second = server.raw().open()) {
            second.write("two\n");
            assertThat(second.readExactly(4)).asString().isEqualTo("two\n");
        }
    }

    @Test
    @Tag("step1.3")
    @DisplayName("The next client is served after the previous one resets the connection")
    void nextClientAfterReset(TestServer server) {
        RawConnection first = server.raw().open();
        first.write("about to vanish\n");
        first.reset();
        try (RawConnection second = server.raw().open()) {
            second.write("still there?\n");
            assertThat(second.readExactly(13)).asString().isEqualTo("still there?\n");
        }
    }
}
