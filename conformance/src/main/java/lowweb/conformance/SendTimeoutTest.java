package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Requests.closingHead;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sendTimeoutMs} is how long the server waits for a client that takes no bytes of its response. A client that
 * asks for a file far larger than the socket buffers and never reads stalls the server's write; when the time is up,
 * the server closes the connection, writes the access log line, and goes on serving everyone else. Here it is
 * 500 ms, and the file 64 MiB, many times what the buffers of both sides hold.
 */
@Tag("stage8")
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 8: a client that stops reading is disconnected after sendTimeoutMs (RFC 9112 §9.5)")
class SendTimeoutTest {

    private static final long FILE_BYTES = 64L << 20;
    /** Well past the 500 ms time-out, however busy the machine. */
    private static final Duration STALL = Duration.ofSeconds(3);

    @Test
    @DisplayName("A client that reads nothing of a 64 MiB file is disconnected after a short part of it, is logged,"
            + " and the next client is served meanwhile")
    @Tag("step8.6")
    void stalledClientIsDisconnected(Servers servers, @TempDir Path dir) throws InterruptedException {
        Path root = site(dir, "hello.txt", "hello\n");
        sparseFile(root.resolve("big.txt"), FILE_BYTES);
        TestServer server = startedWithLog(servers, dir, root, "\"sendTimeoutMs\": 500");

        try (RawConnection stalled = server.raw().open()) {
            stalled.write(closingHead(server, "GET /big.txt HTTP/1.1"));
            Thread.sleep(STALL.toMillis());

            WireResponse other = get(server, "/hello.txt");
            assertThat(other.bodyText()).as("another client's hello.txt while one is stalled").isEqualTo("hello\n");

            // Now read: what the buffers held arrives, then the close, long before the whole file.
            ByteCount body = new ByteCount();
            WireResponse response = stalled.readNextResponse(body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(body.count).as("body bytes received before the close").isLessThan(FILE_BYTES);
            assertThat(stalled.closedByServer()).as("the server closed the stalled connection").isTrue();
        }
        assertThat(accessLog(dir).awaitLines(2)).extracting(AccessLogFile.Line::request)
                .contains("GET /big.txt HTTP/1.1", "GET /hello.txt HTTP/1.1");
    }

    /** A file of zeros that takes no room on disk: its size is all this test needs. */
    private static void sparseFile(Path file, long size) {
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the bytes of a body without keeping them. */
    private static final class ByteCount extends OutputStream {

        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
