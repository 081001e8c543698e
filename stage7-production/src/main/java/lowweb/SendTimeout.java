package lowweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection whose client stops taking bytes. Reading has a time-out ({@link DeadlineInput}), writing has
 * none: a blocking write waits for as long as the client's receive window stays shut, and a client that asks for a
 * large file and never reads it would hold its connection, its thread and its open file for ever.
 *
 * <p>So every write to a client runs under an alarm. The alarm is set before the write and cancelled after it; if it
 * goes off first, it closes the socket, which ends the waiting write with an exception. One timer thread serves every
 * connection, and each write is cut into slices of at most {@link #SLICE} bytes, each under its own alarm: a write
 * can only outlast the alarm when the client took less than one slice in all that time, which is as good as nothing.
 */
final class SendTimeout implements AutoCloseable {

    /** The most bytes one guarded write hands to the socket: small, so that "no progress" means no progress. */
    static final int SLICE = 8192;

    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "send-timeout");
        // The timer must never keep the process alive: at shutdown, what is still unsent is given up.
        thread.setDaemon(true);
        return thread;
    });

    SendTimeout(Duration timeout) {
        this.timeout = timeout;
        // Almost every alarm is cancelled; removed at once, they do not pile up in the timer's queue.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** The socket's output, with every write under the alarm. */
    OutputStream guard(OutputStream out, SocketChannel channel) {
        return new GuardedOutput(out, channel);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class GuardedOutput extends OutputStream {

        private final OutputStream out;
        private final SocketChannel channel;
        /** Set by the timer thread, read by the writer after its write failed. */
        private volatile boolean expired;

        GuardedOutput(OutputStream out, SocketChannel channel) {
            this.out = out;
            this.channel = channel;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            for (int done = 0; done < length; done += SLICE) {
                writeSlice(bytes, offset + done, Math.min(SLICE, length - done));
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        private void writeSlice(byte[] bytes, int offset, int length) throws IOException {
            ScheduledFuture<?> alarm = timer.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                if (expired) {
                    // One line in the server's log says what happened, instead of "Socket closed".
                    throw new IOException("the client took no bytes for " + timeout.toMillis()
                            + " ms; connection closed", e);
                }
                throw e;
            } finally {
                alarm.cancel(false);
            }
        }

        private void expire() {
            expired = true;
            try {
                channel.close();
            } catch (IOException e) {
                // Closing failed: the connection is broken anyway, and its writer will hear of it.
            }
        }
    }
}
