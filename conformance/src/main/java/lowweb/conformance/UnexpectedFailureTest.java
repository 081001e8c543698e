package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.ACCESS_LOG;
import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.persistentHead;
import static lowweb.conformance.SettingsFiles.settingsServing;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import lowweb.conformance.AccessLogFile.Line;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Some failures are nobody's fault but the server's surroundings: no file descriptor left, a disk error. The request
 * was fine, so it still gets an answer, 500 Internal Server Error, the access log gets its line and the operator one
 * line on standard error; then the server goes on as soon as the trouble passes. Running out of file descriptors is
 * the one such failure a test can cause at will: idle clients use them up.
 */
@Tag("stage6")
@Timeout(40)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: a failure that is not the client's doing gets 500, and the server goes on")
class UnexpectedFailureTest {

    /** Enough for the JVM and some connections, few enough that the idle clients below use up the rest. */
    private static final int OPEN_FILES = 128;
    private static final int IDLE_CLIENTS = 200;
    /** Time for the server to wait on the connection, or to accept every idle client it can. */
    private static final Duration WAIT_FOR_THE_SERVER = Duration.ofMillis(500);

    @Test
    @DisplayName("A file that cannot be opened because no file descriptor is left gets 500, one access-log line and"
            + " one line on standard error; once descriptors are free again, the same file is served (RFC 9110"
            + " §15.6.1)")
    @Tag("step6.4")
    void noDescriptorLeftForTheFile(Servers servers, @TempDir Path dir) throws IOException, InterruptedException {
        assumeTrue(System.getProperty("os.name").equals("Linux"),
                "skipped: needs Linux's prlimit to start the server with a low open-file limit");
        Path settings = settingsServing(dir, site(dir, "hello.txt", "hello\n", "other.txt", "other\n"),
                "\"accessLog\": \"" + ACCESS_LOG + "\"", "\"headerTimeoutMs\": 30000",
                "\"keepAliveTimeoutMs\": 30000");
        TestServer server = servers.startedUnder(
                List.of("prlimit", "--nofile=" + OPEN_FILES + ":" + OPEN_FILES, "--"),
                "--config", settings.toString());
        WireResponse failed;
        List<Socket> idle = new ArrayList<>();
        try (RawConnection connection = server.raw().open()) {
            // A persistent connection, accepted while descriptors were plenty, that has waited for a request once: the
            // JVM sets up what it waits on sockets with (a few descriptors of its own) the first time a connection
            // waits, as it loads a class the first time it is used. It also warms up the error page's code.
            connection.write(persistentHead(server, "GET /hello.txt HTTP/1.1"));
            assertThat(connection.readNextResponse().status()).isEqualTo(200);
            Thread.sleep(WAIT_FOR_THE_SERVER.toMillis());
            connection.write(persistentHead(server, "GET /missing.txt HTTP/1.1"));
            assertThat(connection.readNextResponse().status()).isEqualTo(404);
            for (int i = 0; i < IDLE_CLIENTS; i++) {
                idle.add(new Socket(server.host(), server.port()));
            }
            Thread.sleep(WAIT_FOR_THE_SERVER.toMillis());

            connection.write(persistentHead(server, "GET /other.txt HTTP/1.1", "Connection: close"));
            failed = connection.readNextResponse();
        } finally {
            idle.forEach(UnexpectedFailureTest::close);
        }

        assertThat(failed.status()).isEqualTo(500);
        List<Line> lines = accessLog(dir).awaitLines(3);
        assertThat(lines).extracting(Line::outcome).contains("GET /other.txt HTTP/1.1 500 " + failed.body().length);
        assertThat(server.output().lines().filter(line -> line.contains("/other.txt")))
                .as("lines on standard error about the request").hasSize(1);
        assertThat(get(server, "/other.txt").bodyText()).isEqualTo("other\n");
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
