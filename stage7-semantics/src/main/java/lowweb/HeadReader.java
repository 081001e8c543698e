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
    private int bytesRead;
    /** Which limit a byte too many breaks: the request line's until it is complete, then the header fields'. */
    private Status tooLong = Status.URI_TOO_LONG;

    HeadReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /**
     * Returns the head's lines without their line endings, the first being the request line.
     *
     * @throws EOFException           when the client closes the connection before the head is complete
     * @throws SocketTimeoutException when the time is up before the client sent a single byte
     */
    List<String> readLines() throws IOException, HttpError {
        List<String> lines = new ArrayList<>();
        String line = readLine();
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
        if (line.isEmpty()) {
            line = readLine();
        }
        // RFC 9112 §3: a request line longer than the server will read gets 414 URI Too Long, since the target is
        // nearly always what makes it long; RFC 6585 §5: once it is complete, too many field bytes get 431.
        tooLong = Status.REQUEST_HEADER_FIELDS_TOO_LARGE;
        while (!line.isEmpty()) {
            lines.add(line);
            line = readLine();
        }
        return lines;
    }

    /**
     * Reads one line. Lines end with CRLF; a bare LF is accepted too (RFC 9112 §2.2 allows it), but a CR anywhere
     * else is refused, because different readers would disagree on where such a line ends.
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
            if (bytesRead == 0) {
                // Nothing sent, nothing to answer: a browser often opens a spare connection that it never uses.
                throw e;
            }
            // RFC 9110 §15.5.9: the request began but did not arrive in the time the server was prepared to wait.
            throw new HttpError(Status.REQUEST_TIMEOUT, "request head incomplete after " + bytesRead + " bytes");
        }
        if (b < 0) {
            throw new EOFException("client closed the connection after " + bytesRead + " bytes of the request head");
        }
        bytesRead++;
        return b;
    }
}
