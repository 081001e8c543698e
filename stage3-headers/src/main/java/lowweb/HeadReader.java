package lowweb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the request head: the request line and the header field lines, up to the empty line that ends them
 * (RFC 9112 §2.1). It never holds more than a fixed number of bytes, so a client cannot exhaust memory.
 */
final class HeadReader {

    /** Enough for any real browser request; longer heads are refused rather than buffered. */
    static final int MAX_HEAD_BYTES = 8192;

    private final InputStream in;
    private int bytesRead;

    HeadReader(InputStream in) {
        this.in = in;
    }

    /**
     * Returns the head's lines without their line endings, the first being the request line.
     *
     * @throws EOFException when the client closes the connection before the head is complete
     */
    List<String> readLines() throws IOException, HttpError {
        List<String> lines = new ArrayList<>();
        String line = readLine();
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line.
        if (line.isEmpty()) {
            line = readLine();
        }
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

    private int next() throws IOException, HttpError {
        if (bytesRead == MAX_HEAD_BYTES) {
            throw new HttpError(Status.BAD_REQUEST, "request head longer than " + MAX_HEAD_BYTES + " bytes");
        }
        int b = in.read();
        if (b < 0) {
            throw new EOFException("client closed the connection after " + bytesRead + " bytes of the request head");
        }
        bytesRead++;
        return b;
    }
}
