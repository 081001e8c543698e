package lowweb;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A socket's input with one deadline for everything still to be read. A read time-out alone restarts with every byte,
 * so a client that sends one byte every few seconds would keep a connection forever ("slowloris"); a deadline cannot
 * be stretched that way.
 *
 * <p>The reads themselves wait without a time-out: {@link Deadlines} says why, and stops a read that is still
 * waiting when its deadline passes by shutting down the socket's input. The read then ends as if the client had
 * closed, and this class turns that end into the {@link SocketTimeoutException} it stands for. The output stays open,
 * so the server can still answer 408.
 */
final class DeadlineInput extends InputStream implements Deadlines.Watched {

    private final Socket socket;
    private final InputStream in;
    private volatile long deadlineNanos;
    /** Whether a read is waiting on the socket, the only time the deadline needs watching. */
    private volatile boolean reading;
    /** Set once the deadline stopped a read; the input is shut down from then on. */
    private volatile boolean expired;

    DeadlineInput(Socket socket, Deadlines deadlines) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        deadlines.watch(this);
    }

    /** From now on, reading ends with a {@link SocketTimeoutException} once {@code time} has passed. */
    void expireIn(Duration time) {
        deadlineNanos = System.nanoTime() + time.toNanos();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (expired || deadlineNanos - System.nanoTime() <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        int read;
        reading = true;
        try {
            read = in.read(buffer, offset, length);
        } finally {
            reading = false;
        }
        if (read < 0 && expired) {
            throw new SocketTimeoutException("deadline passed");
        }
        return read;
    }

    /** Stops a read that waits past the deadline; the output stays open for a 408. */
    @Override
    public void expireIfLate(long nowNanos) {
        if (reading && deadlineNanos - nowNanos <= 0) {
            expired = true;
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                // The connection broke on its own; its thread hears about it from its next read.
            }
        }
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }
}
