package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.settingsServing;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every connection costs the server a file descriptor, and a process has a limit on them. When it is reached,
 * {@code accept()} fails with "Too many open files" until some connections close. That is a passing state, not a
 * reason to stop: a server that ends its accept loop on the first failure can be shut down by anyone who opens
 * enough connections.
 */
@Tag("stage5")
@Timeout(30)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: running out of file descriptors does not end the server")
class FileDescriptorLimitTest {

    /** Enough for the JVM and some connections, few enough that the idle clients below use up the rest. */
    private static final int OPEN_FILES = 128;
    private static final int IDLE_CLIENTS = 200;

    @Test
    @DisplayName("With the open-file limit used up by idle clients, accept() fails for a while; once headerTimeoutMs"
            + " has closed them, a new client is served (RFC 9110 §15.5.9)")
    @Tag("step5.6")
    @EnabledOnOs(value = OS.LINUX, disabledReason = "needs Linux's prlimit to start the server with a low open-file"
            + " limit")
    void servesAgainAfterTheLimit(Servers servers, @TempDir Path dir) throws IOException {
        Path settings = settingsServing(dir, site(dir, "hello.txt", "hello\n"), "\"headerTimeoutMs\": 500");
        TestServer server = servers.startedUnder(
                List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--"),
                "--config", settings.toString());

        warmUp(server);

        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < IDLE_CLIENTS; i++) {
                idle.add(new Socket(server.host(), server.port()));
            }
            WireResponse response = get(server, "/hello.txt");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("hello\n");
        } finally {
            idle.forEach(FileDescriptorLimitTest::close);
        }
    }

    /**
     * Serves one request and lets one idle client time out before the descriptors run out. A JVM loads a class the
     * first time it is used, from a file it has to open; run from a folder of class files rather than a jar, a server
     * meeting its first time-out only when no descriptor is left could not load the classes to handle it.
     */
    private static void warmUp(TestServer server) throws IOException {
        assertThat(get(server, "/hello.txt").status()).isEqualTo(200);
        try (Socket silent = new Socket(server.host(), server.port())) {
            silent.setSoTimeout(5000);
            assertThat(silent.getInputStream().read()).as("the silent client's connection is closed").isEqualTo(-1);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
