package lowweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The operator may fix the size of each connection's send buffer with {@code sendBufferBytes}; by default the system
 * sizes it. What is tested is the option a connection gets when the server accepts it ({@code Server.prepare}, step
 * 9.9), on a connection made here on the loopback interface, and that the settings file refuses what no buffer is.
 */
@Tag("unit")
@Timeout(20)
@DisplayName("sendBufferBytes: a connection's send buffer (SO_SNDBUF) is the operator's size, or the system's")
class SendBufferTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("By default (0) a connection keeps the send buffer the system gave it, which the system may grow")
    void systemSizeByDefault() throws Exception {
        try (Accepted connection = Accepted.open()) {
            int before = connection.server().getOption(StandardSocketOptions.SO_SNDBUF);

            Server.prepare(connection.server(), settings(0));

            assertThat(connection.server().getOption(StandardSocketOptions.SO_SNDBUF)).isEqualTo(before);
            assertThat(connection.server().getOption(StandardSocketOptions.TCP_NODELAY)).as("TCP_NODELAY").isTrue();
        }
    }

    @Test
    @DisplayName("With sendBufferBytes set, a connection's send buffer is at least that size (Linux doubles it)")
    void operatorSize() throws Exception {
        try (Accepted connection = Accepted.open()) {
            int before = connection.server().getOption(StandardSocketOptions.SO_SNDBUF);
            // Twice what the system gave, so that the test sees a change, and far below any system's upper limit; at
            // least 64 KiB, in case a system reports no size of its own.
            int asked = Math.max(2 * before, 64 * 1024);

            Server.prepare(connection.server(), settings(asked));

            assertThat(connection.server().getOption(StandardSocketOptions.SO_SNDBUF)).isGreaterThanOrEqualTo(asked);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-1", "67108865", "\"256k\"", "262144.5"})
    @DisplayName("A size below 0, above 64 MiB or not a whole number is refused with a message naming the key")
    void refused(String value) throws IOException {
        // The value goes in as an operator would type it, whatever its JSON type.
        String valid = OperatorSettings.forSite(folder, "access.log").toString();
        String text = valid.substring(0, valid.length() - 1) + ", \"sendBufferBytes\": " + value + "}";

        assertThatThrownBy(() -> OperatorSettings.read(folder, "settings.json", text))
                .isInstanceOf(SettingsError.class)
                .hasMessageContaining("\"sendBufferBytes\"")
                .hasMessageContaining("from 0 to 67108864");
    }

    private Settings settings(int sendBufferBytes) throws IOException, SettingsError {
        JsonObject json = OperatorSettings.forSite(folder, "access.log");
        json.addProperty("sendBufferBytes", sendBufferBytes);
        return OperatorSettings.read(folder, "settings-" + sendBufferBytes + ".json", json.toString());
    }

    /** Both ends of one loopback connection: the one a server accepted, and the client's. */
    private record Accepted(ServerSocketChannel listener, SocketChannel client, SocketChannel server)
            implements AutoCloseable {

        static Accepted open() throws IOException {
            ServerSocketChannel listener = ServerSocketChannel.open();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            return new Accepted(listener, client, listener.accept());
        }

        @Override
        public void close() throws IOException {
            try (listener; client; server) {
                // All three are closed, whichever fails.
            }
        }
    }
}
