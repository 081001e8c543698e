package lowweb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * The way out to one client, ending the connection when the client stops taking bytes. Reading has a deadline
 * ({@link DeadlineInput}); writing has no time-out of its own: a blocking write waits for as long as the client's
 * receive window stays shut, and a client that asks for a large file and never reads it would hold its connection,
 * its thread and its open file for ever.
 *
 * <p>So every write notes the time by which it must have handed at least one byte to the kernel, and
 * {@link Deadlines} closes the socket of a write still waiting after that, which ends the write with an exception.
 * Each call of {@code write} that returns has made progress, and the next one gets a fresh deadline: a slow client
 * that keeps taking bytes is served to the end; only one that takes nothing for the whole time-out is cut off.
 */
final class DeadlineOutput implements Deadlines.Watched {

    private final SocketChannel channel;
    private final Duration timeout;
    private volatile long deadlineNanos;
    /** Whether a write is waiting on the socket, the only time the deadline needs watching. */
    private volatile boolean writing;
    /** Set by the watch, read by the writer after each write. */
    private volatile boolean expired;

    DeadlineOutput(SocketChannel channel, Duration timeout, Deadlines deadlines) {
        this.channel = channel;
        this.timeout = timeout;
        deadlines.watch(this);
    }

    /** Writes every remaining byte of the buffers, in order: one system call when the socket has room for them. */
    void write(ByteBuffer... buffers) throws IOException {
        while (hasRemaining(buffers)) {
            deadlineNanos = System.nanoTime() + timeout.toNanos();
            writing = true;
            try {
                channel.write(buffers);
            } catch (IOException e) {
                throw expired ? timedOut(e) : e;
            } finally {
                writing = false;
            }
            // The watch may close the socket just as a waiting write finishes: that write returns, and only the next
            // one would fail, with a ClosedChannelException that names no cause.
            if (expired) {
                throw timedOut(null);
            }
        }
    }

    /** One line in the server's log says what happened, instead of "Socket closed". */
    private IOException timedOut(IOException cause) {
        return new IOException("the client took no bytes for " + timeout.toMillis() + " ms; connection closed", cause);
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void expireIfLate(long nowNanos) {
        if (writing && deadlineNanos - nowNanos <= 0) {
            expired = true;
            try {
                channel.close();
            } catch (IOException e) {
                // Closing failed: the connection is broken anyway, and its writer will hear of it.
            }
        }
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }
}
