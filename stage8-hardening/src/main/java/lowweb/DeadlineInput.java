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
 */
final class DeadlineInput extends InputStream {

    private final Socket socket;
    private final InputStream in;
    private long deadlineNanos;

    DeadlineInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
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
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        // A time-out of 0 would mean "wait forever", hence at least one millisecond.
        long leftMillis = Math.max(1, Duration.ofNanos(left).toMillis());
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
        return in.read(buffer, offset, length);
    }
}
