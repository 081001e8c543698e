package lowweb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the request head: the request line and the header field lines, up to the empty line that ends them
 * (RFC 9112 §2.1). It never holds more than the configured number of bytes, so a client cannot exhaust memory.
 */
final class HeadReader {

    private final InputStream in;
    /** Every byte of the head counts: the lines, their line endings and the empty line that ends the head. */
    private final int maxBytes;
    /** RFC 6585 §5: a limit on the number of field lines too, since each costs a parsed object, however short. */
    private final int maxFields;
    private int bytesRead;
    /** The bytes of an empty line before the request line, which a server ignores: they do not begin a request. */
    private int bytesIgnored;
    /** Which limit a byte too many breaks: the request line's until it is complete, then the header fields'. */
    private Status tooLong = Status.URI_TOO_LONG;
    /** Whether the line being read may be the request line, whose first byte must begin a method. */
    private boolean startsRequestLine = true;
    /** The request line once it is complete; null before. */
    private String requestLine;

    HeadReader(InputStream in, int maxBytes, int maxFields) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxFields = maxFields;
    }

    /**
     * Returns the head's lines without their line endings, the first being the request line.
     *
     * @throws EOFException           when the client closes the connection before it began a head
     * @throws SocketTimeoutException when the time is up before the client began a head
     */
    List<String> readLines() throws IOException, HttpError {
        List<String> lines = new ArrayList<>();
        String line = readLine();
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
        if (line.isEmpty()) {
            bytesIgnored = bytesRead;
            line = readLine();
        }
        // RFC 9112 §3: a request line longer than the server will read gets 414 URI Too Long, since the target is
        // nearly always what makes it long; RFC 6585 §5: once it is complete, too many field bytes get 431.
        tooLong = Status.REQUEST_HEADER_FIELDS_TOO_LARGE;
        startsRequestLine = false;
        // Two empty lines: no request line at all, which Request.parse refuses.
        requestLine = line.isEmpty() ? null : line;
        while (!line.isEmpty()) {
            // The first line is the request line, so one more than maxFields lines holds all the fields allowed.
            if (lines.size() > maxFields) {
                throw new HttpError(Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                        "more than " + maxFields + " header field lines");
            }
            lines.add(line);
            line = readLine();
        }
        return lines;
    }

    /**
     * The request line, as soon as it was read whole, even when the rest of the head then fails: the answer to the
     * error depends on it (a HEAD gets no body), and the access log shows it. Null when no whole line came.
     */
    String requestLine() {
        return requestLine;
    }

    /**
     * Reads one line. Lines end with CRLF; a bare LF is accepted too (RFC 9112 §2.2 allows it), but a CR anywhere
     * else is refused, because different readers would disagree on where such a line ends.
     *
     * <p>A request line starts with its method, a token (RFC 9112 §3), so a first byte that cannot start a token is
     * refused at once, without waiting for the line to end. That answers a client that does not speak HTTP at all: a
     * TLS handshake sent to this plain port starts with the byte 0x16 and may never send an LF, and waiting for one
     * would keep it hanging until the head time-out. Everything else about a line is for the parsers to judge, once
     * the line is complete and can be shown in the access log.
     */
    private String readLine() throws IOException, HttpError {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = next();
            if (b == '\n') {
                return line.toString();
            }
            if (b == '\r') {
                if (next() != '\n') {
                    throw new HttpError(Status.BAD_REQUEST, "bare CR in the request head");
                }
                return line.toString();
            }
            if (startsRequestLine && line.isEmpty() && !FieldSyntax.isTchar((char) b)) {
                throw new HttpError(Status.BAD_REQUEST,
                        String.format("a request line starts with a method, not with the byte 0x%02X", b));
            }
            // Header bytes are ISO-8859-1 (RFC 9110 §5.5): one byte, one char, nothing is lost or guessed.
            line.append((char) b);
        }
    }

    /** The limit is checked before reading, so a head of exactly {@code maxBytes} bytes is accepted. */
    private int next() throws IOException, HttpError {
        if (bytesRead == maxBytes) {
            throw new HttpError(tooLong, "request head longer than " + maxBytes + " bytes");
        }
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            if (!begun()) {
                // Nothing to answer: a browser often opens a spare connection that it never uses.
                throw e;
            }
            // RFC 9110 §15.5.9: the request began but did not arrive in the time the server was prepared to wait.
            throw new HttpError(Status.REQUEST_TIMEOUT, "request head incomplete after " + bytesRead + " bytes");
        }
        if (b < 0) {
            if (!begun()) {
                // Nothing to answer: the client is done with this connection.
                throw new EOFException("client closed the connection before a request");
            }
            // RFC 9112 §8: a server may answer an incomplete request before it closes. A client that closed only its
            // sending side (nc -N, shutdown) still reads; it learns why nothing came, and the log says that it came.
            throw new HttpError(Status.BAD_REQUEST, "request head ended after " + bytesRead + " bytes, before its empty"
                    + " line");
        }
        bytesRead++;
        return b;
    }

    /** Whether a request began: the ignored empty line is no beginning, a byte after it or anything else is. */
    private boolean begun() {
        return bytesRead > bytesIgnored;
    }
}
