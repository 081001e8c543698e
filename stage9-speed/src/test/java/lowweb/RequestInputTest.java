package lowweb;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An idle connection must cost little: the input reads each request into a small buffer first and lets the
 * full-size one go while it waits. What comes out must be every byte in order, whatever the buffer.
 */
@Tag("unit")
@DisplayName("RequestInput: every byte in order, and a small buffer while the connection waits")
class RequestInputTest {

    /** A socket's input that hands out the given chunks, one per read, and notes how many bytes each read asked for. */
    private static final class Chunks extends InputStream {
        private final Deque<byte[]> chunks = new ArrayDeque<>();
        private final List<Integer> asked = new ArrayList<>();

        Chunks(byte[]... chunks) {
            this.chunks.addAll(List.of(chunks));
        }

        @Override
        public int read() {
            throw new AssertionError("RequestInput reads the socket in pieces, never byte by byte");
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            asked.add(length);
            byte[] chunk = chunks.poll();
            if (chunk == null) {
                return -1;
            }
            int read = Math.min(length, chunk.length);
            System.arraycopy(chunk, 0, into, offset, read);
            if (read < chunk.length) {
                chunks.push(Arrays.copyOfRange(chunk, read, chunk.length));
            }
            return read;
        }
    }

    @Test
    @DisplayName("A short head is read in one read into the small buffer, and comes out byte for byte")
    void shortHead() throws IOException {
        byte[] head = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(US_ASCII);
        Chunks socket = new Chunks(head);
        RequestInput in = new RequestInput(socket);

        assertThat(in.awaitByte()).isTrue();
        assertThat(in.readAllBytes()).isEqualTo(head);
        assertThat(socket.asked).first().isEqualTo(RequestInput.SMALL);
    }

    @Test
    @DisplayName("Content longer than the small buffer is read on in full-size pieces, every byte in order")
    void longContent() throws IOException {
        byte[] content = new byte[50_000];
        new Random(9).nextBytes(content);
        Chunks socket = new Chunks(content);
        RequestInput in = new RequestInput(socket);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            out.write(b);
            byte[] some = new byte[7];
            int read = in.read(some, 0, some.length);
            if (read > 0) {
                out.write(some, 0, read);
            }
        }

        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(socket.asked).startsWith(RequestInput.SMALL, RequestInput.FULL, RequestInput.FULL);
    }

    @Test
    @DisplayName("A request that came right behind the last one is kept: waiting for it reads nothing more")
    void pipelinedRequest() throws IOException {
        Chunks socket = new Chunks("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n".getBytes(US_ASCII));
        RequestInput in = new RequestInput(socket);
        byte[] first = new byte["GET /a HTTP/1.1\r\n\r\n".length()];
        assertThat(in.read(first, 0, first.length)).isEqualTo(first.length);

        assertThat(in.awaitByte()).isTrue();

        assertThat(new String(in.readNBytes(19), US_ASCII)).isEqualTo("GET /b HTTP/1.1\r\n\r\n");
        assertThat(socket.asked).hasSize(1);
    }

    @Test
    @DisplayName("After a long request, waiting for the next one reads into the small buffer again")
    void smallBufferWhileWaiting() throws IOException {
        Chunks socket = new Chunks(new byte[RequestInput.SMALL], new byte[3000], "GET".getBytes(US_ASCII));
        RequestInput in = new RequestInput(socket);
        assertThat(in.readNBytes(RequestInput.SMALL + 3000)).hasSize(RequestInput.SMALL + 3000);

        assertThat(in.awaitByte()).isTrue();

        assertThat(socket.asked).containsExactly(RequestInput.SMALL, RequestInput.FULL, RequestInput.SMALL);
        assertThat(in.read()).isEqualTo('G');
    }

    @Test
    @DisplayName("A client that closes while the connection waits ends it: no byte came")
    void closedWhileWaiting() throws IOException {
        RequestInput in = new RequestInput(new Chunks());

        assertThat(in.awaitByte()).isFalse();
        assertThat(in.read()).isEqualTo(-1);
    }
}
