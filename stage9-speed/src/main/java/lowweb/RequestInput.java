package lowweb;

import java.io.IOException;
import java.io.InputStream;

/**
 * A connection's input, buffered so that a head is read byte by byte without a system call per byte, like a
 * {@link java.io.BufferedInputStream}, but with a buffer that fits what is read. Most request heads are a few hundred
 * bytes, and a connection spends most of its life waiting for the next one: a buffer of the largest head held all
 * that time would make every idle connection cost its size. So each request is first read into a small buffer, which
 * holds all of a short head in one read; only a longer one, or content after it, is read on into a full-size buffer,
 * which is let go when the connection waits for its next request. A connection that waits holds the small buffer
 * only.
 *
 * <p>One thread reads a connection, so nothing here is locked: {@code BufferedInputStream} takes a lock for every
 * byte.
 */
final class RequestInput extends InputStream {

    /** Enough for the head of nearly every request: wrk sends 40 bytes, a browser 400 to 800. */
    static final int SMALL = 1024;
    /** A read into the full-size buffer: as much as {@code BufferedInputStream} reads at once. */
    static final int FULL = 8192;

    private final InputStream in;
    private final byte[] small = new byte[SMALL];
    private byte[] buffer = small;
    private int position;
    private int count;

    RequestInput(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (position == count && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == count && !fill()) {
            return -1;
        }
        int read = Math.min(length, count - position);
        System.arraycopy(buffer, position, into, offset, read);
        position += read;
        return read;
    }

    /**
     * Waits until the next byte is here and returns whether one came, without taking it. Bytes already read, a
     * request that came right behind the last one, are kept; otherwise the full-size buffer is let go and the wait
     * holds the small one only.
     */
    boolean awaitByte() throws IOException {
        if (position < count) {
            return true;
        }
        buffer = small;
        count = 0;
        return fill();
    }

    /** Reads into the buffer in use; once the small one has been filled and read out, into a full-size one. */
    private boolean fill() throws IOException {
        if (buffer == small && count == SMALL) {
            // A long head, or content after it: read on in larger pieces, until the connection waits again.
            buffer = new byte[FULL];
        }
        position = 0;
        count = 0;
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        count = read;
        return true;
    }
}
