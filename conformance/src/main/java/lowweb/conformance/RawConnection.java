package lowweb.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

/** One client connection whose every byte goes into the test's transcript. */
public final class RawConnection implements AutoCloseable {

    /**
     * The longest the suite waits for the server to say something. A check that expects every test to fail against
     * a server that never answers HTTP lowers it with {@code -Dconformance.readTimeoutMillis}.
     */
    static final Duration READ_TIMEOUT = Duration.ofMillis(Long.getLong("conformance.readTimeoutMillis", 5000));

    private final Socket socket;
    private final String where;
    private final Transcript transcript;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean endOfStream;

    RawConnection(Socket socket, String where, Transcript transcript) {
        this.socket = socket;
        this.where = where;
        this.transcript = transcript;
    }

    public void write(String text) {
        write(Bytes.ascii(text));
    }

    public void write(byte[] bytes) {
        transcript.sent(where, bytes);
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send to " + where, e);
        }
    }

    /**
     * Writes as much as the server accepts and reports whether all of it went out. A server that refuses a huge
     * request may answer and close before reading everything, which resets the sending side: that is allowed.
     */
    public boolean writeAllowingReset(byte[] bytes) {
        transcript.sent(where, bytes);
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends the bytes one at a time, {@code pause} apart, as a slow or hostile client does, and stops as soon as the
     * server answers or closes. Returns how many bytes went out.
     */
    public int dribble(byte[] bytes, Duration pause) {
        int sent = 0;
        try {
            while (sent < bytes.length) {
                socket.getOutputStream().write(bytes[sent++]);
                socket.getOutputStream().flush();
                if (awaitAnswer(pause)) {
                    break;
                }
            }
        } catch (IOException e) {
            // The server closed the connection while bytes were still coming: that ends the dribble too.
        }
        transcript.sent(where, Arrays.copyOf(bytes, sent));
        return sent;
    }

    /**
     * Waits up to {@code wait} for the server to begin its answer or to close, and reports whether it did. Nothing is
     * consumed: the bytes that came are still there for {@link #readResponse}.
     */
    public boolean awaitAnswer(Duration wait) {
        try {
            return poll(wait) || endOfStream;
        } catch (IOException e) {
            throw new UncheckedIOException("reading from " + where, e);
        }
    }

    /** Half-closes: the server sees the end of the request stream but can still answer. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes with a TCP reset instead of an orderly close, as a crashed client would. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads exactly {@code count} bytes, for protocols without framing such as echo. */
    public byte[] readExactly(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            while (out.size() < count && await()) {
                byte[] available = takePending(count - out.size());
                out.write(available);
            }
        } catch (SilentServer e) {
            transcript.received(where, out.toByteArray(), e.getMessage());
            throw new AssertionError("expected " + count + " bytes, the server sent " + out.size() + " and then "
                    + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transcript.received(where, out.toByteArray(), endOfStream ? "then the server closed the connection"
                : "connection still open");
        if (out.size() < count) {
            throw new AssertionError("expected " + count + " bytes, the server sent " + out.size()
                    + (endOfStream ? " and closed the connection" : " within " + READ_TIMEOUT.toMillis() + " ms"));
        }
        return out.toByteArray();
    }

    /** Reads one response to a GET-like request; see {@link #readResponse(boolean, Duration)}. */
    public WireResponse readResponse() {
        return readResponse(false, Duration.ZERO);
    }

    /**
     * Reads one response: the head up to the blank line, then a body framed by Content-Length or, without one, by the
     * end of the connection (RFC 9112 §6.3). Afterwards, watches up to {@code closeWait} for stray bytes or a close.
     */
    public WireResponse readResponse(boolean headRequest, Duration closeWait) {
        return reading(received -> {
            Framing framing = readMessage(received, received, headRequest);
            // Keep any bytes that arrived together with the response: they are trailing bytes, shown as such.
            received.write(takePending(Integer.MAX_VALUE));
            if (framing.headLength() >= 0 && !closeWait.isZero()) {
                long deadline = System.nanoTime() + closeWait.toNanos();
                while (!endOfStream && System.nanoTime() < deadline
                        && poll(Duration.ofNanos(deadline - System.nanoTime()))) {
                    received.write(takePending(Integer.MAX_VALUE));
                }
            }
            return finish(received, framing.headLength(), (int) framing.bodyLength(), endOfStream);
        });
    }

    /**
     * Reads exactly one response to a GET-like request on a connection that carries several (RFC 9112 §9.3): whatever
     * follows its body stays unread, to be the next response. See {@link #readNextResponse(boolean)}.
     */
    public WireResponse readNextResponse() {
        return readNextResponse(false);
    }

    /**
     * Reads exactly one response, framed by its Content-Length, and leaves every byte after it for the next call: the
     * way to read pipelined responses (RFC 9112 §9.3.2) one by one. {@code closed} of the result says only whether
     * the server had closed by the end of this response; {@link #readUntilClose} waits for a close.
     */
    public WireResponse readNextResponse(boolean headRequest) {
        return reading(received -> {
            Framing framing = readMessage(received, received, headRequest);
            return finish(received, framing.headLength(), (int) framing.bodyLength(), endOfStream);
        });
    }

    /**
     * Reads exactly one response like {@link #readNextResponse()}, but writes its body to {@code body} instead of
     * keeping it: for bodies too large to hold in memory. The result has the head and an empty body.
     */
    public WireResponse readNextResponse(OutputStream body) {
        return reading(head -> {
            Framing framing = readMessage(head, body, false);
            byte[] bytes = head.toByteArray();
            transcript.received(where, bytes, framing.headLength() < 0 ? "no complete head"
                    : "then " + framing.bodyLength() + " bytes of body, passed on and not shown");
            return new WireResponse(bytes, framing.headLength(), 0, endOfStream);
        });
    }

    /** Waits for the server to close the connection; bytes that arrive meanwhile are recorded as trailing. */
    public boolean awaitClose(Duration wait) {
        readUntilClose(wait);
        return endOfStream;
    }

    /**
     * Waits up to {@code wait} for the server to close the connection and returns the bytes that came meanwhile;
     * {@link #closedByServer} then tells whether the close came.
     */
    public byte[] readUntilClose(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        try {
            while (!endOfStream && System.nanoTime() < deadline
                    && poll(Duration.ofNanos(deadline - System.nanoTime()))) {
                extra.write(takePending(Integer.MAX_VALUE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (extra.size() > 0) {
            transcript.received(where, extra.toByteArray(), "unexpected bytes while waiting for a close");
        }
        return extra.toByteArray();
    }

    /** Whether the server has closed the connection (or reset it), as far as the reads so far have seen. */
    public boolean closedByServer() {
        return endOfStream;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket the server already reset tells us nothing new.
        }
    }

    private WireResponse finish(ByteArrayOutputStream received, int headLength, int bodyLength, boolean closed) {
        byte[] bytes = received.toByteArray();
        transcript.received(where, bytes, closed ? "then the server closed the connection" : "connection still open");
        return new WireResponse(bytes, headLength, bodyLength, closed);
    }

    /** How much of a response was head and how much body; {@code headLength} is -1 when no complete head came. */
    private record Framing(int headLength, long bodyLength) {
    }

    /** Reads a response into {@code received}; a server that stays silent fails the test with what came so far. */
    private WireResponse reading(Reading reading) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            return reading.read(received);
        } catch (SilentServer e) {
            transcript.received(where, received.toByteArray(), e.getMessage());
            throw new AssertionError("the response is incomplete: the server " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading from " + where, e);
        }
    }

    private interface Reading {
        WireResponse read(ByteArrayOutputStream received) throws IOException;
    }

    /**
     * Reads one head into {@code head} and the body it announces into {@code body} (which may be {@code head}
     * itself). Bytes that arrive after the body stay pending: they belong to whatever comes next.
     */
    private Framing readMessage(ByteArrayOutputStream head, OutputStream body, boolean headRequest)
            throws IOException {
        int headLength = -1;
        while (headLength < 0 && await()) {
            head.write(takePending(Integer.MAX_VALUE));
            headLength = WireResponse.findHeadEnd(head.toByteArray(), head.size());
        }
        if (headLength < 0) {
            return new Framing(-1, 0);
        }
        // A read may have brought more than the head: the start of the body, or of the next response.
        byte[] sofar = head.toByteArray();
        unread(Arrays.copyOfRange(sofar, headLength, sofar.length));
        head.reset();
        head.write(sofar, 0, headLength);
        if (headRequest || noBodyStatus(sofar)) {
            return new Framing(headLength, 0);
        }
        // Without Content-Length the body ends where the connection does (RFC 9112 §6.3).
        OptionalLong declared = WireResponse.contentLength(sofar, headLength);
        long wanted = declared.orElse(Long.MAX_VALUE);
        long bodyLength = 0;
        while (bodyLength < wanted && await()) {
            byte[] piece = takePending((int) Math.min(Integer.MAX_VALUE, wanted - bodyLength));
            body.write(piece);
            bodyLength += piece.length;
        }
        return new Framing(headLength, bodyLength);
    }

    private static boolean noBodyStatus(byte[] head) {
        String statusLine = new String(head, 0, Math.min(head.length, 16), StandardCharsets.ISO_8859_1);
        String[] parts = statusLine.split(" ");
        return parts.length > 1 && (parts[1].startsWith("1") || parts[1].equals("204") || parts[1].equals("304"));
    }

    /**
     * Waits for more bytes. Returns false at the end of the stream and fails the test when the server stays silent
     * for the whole {@link #READ_TIMEOUT} while a response is still due.
     */
    private boolean await() throws IOException {
        if (poll(READ_TIMEOUT)) {
            return true;
        }
        if (!endOfStream) {
            throw new SilentServer();
        }
        return false;
    }

    /** Waits up to {@code timeout} for more bytes; false at the end of the stream (a reset counts as one) or on time-out. */
    private boolean poll(Duration timeout) throws IOException {
        if (pending.size() > 0) {
            return true;
        }
        if (endOfStream) {
            return false;
        }
        byte[] buffer = new byte[16384];
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            InputStream in = socket.getInputStream();
            int count = in.read(buffer);
            if (count < 0) {
                endOfStream = true;
                return false;
            }
            pending.write(buffer, 0, count);
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            // "Connection reset": the server is gone from this connection, which is how some servers refuse.
            endOfStream = true;
            return false;
        }
    }

    /** The server neither sent more nor closed the connection while the suite was waiting for bytes. */
    private static final class SilentServer extends RuntimeException {
        SilentServer() {
            super("sent nothing more for " + READ_TIMEOUT.toMillis() + " ms and kept the connection open", null,
                    false, false);
        }
    }

    /** Puts bytes back in front of the pending ones, to be read again. */
    private void unread(byte[] bytes) {
        byte[] rest = pending.toByteArray();
        pending.reset();
        pending.writeBytes(bytes);
        pending.writeBytes(rest);
    }

    private byte[] takePending(int max) {
        byte[] all = pending.toByteArray();
        int taken = Math.min(max, all.length);
        pending.reset();
        pending.write(all, taken, all.length - taken);
        return Arrays.copyOf(all, taken);
    }
}
