package lowweb.conformance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A response exactly as it came off the wire: the head's bytes, the body's bytes, what followed the body, and
 * whether the server closed the connection afterwards.
 *
 * @param received     every byte read from the socket, head and body and anything after
 * @param headLength   bytes up to and including the blank line that ends the head; -1 when no complete head came
 * @param bodyLength   bytes of body, framed by Content-Length or by the end of the connection
 * @param closed       the server closed the connection after the response (or reset it)
 */
public record WireResponse(byte[] received, int headLength, int bodyLength, boolean closed) {

    public record Field(String name, String value) {
    }

    /**
     * What came, as a failure message shows it: the bytes, with a body that is not text as its length and first
     * bytes, and whether the server closed. A record would show the array as an address.
     */
    @Override
    public String toString() {
        return received.length + " bytes" + (closed ? ", then the server closed the connection" : "")
                + (received.length == 0 ? "" : ":\n" + Bytes.message(received));
    }

    /** True when the server sent no byte at all before closing. */
    public boolean isEmpty() {
        return received.length == 0;
    }

    public boolean hasCompleteHead() {
        return headLength >= 0;
    }

    /** The head as ISO-8859-1 text, which is how HTTP field bytes are read (RFC 9110 §5.5). */
    public String head() {
        requireHead();
        return new String(received, 0, headLength, StandardCharsets.ISO_8859_1);
    }

    public String statusLine() {
        String head = head();
        int end = head.indexOf('\n');
        return head.substring(0, end).replaceFirst("\r$", "");
    }

    public String version() {
        return statusLine().split(" ", 3)[0];
    }

    public int status() {
        String[] parts = statusLine().split(" ", 3);
        try {
            return Integer.parseInt(parts.length > 1 ? parts[1] : "");
        } catch (NumberFormatException e) {
            throw new AssertionError("status line has no numeric status code: \"" + statusLine() + "\"");
        }
    }

    /** Every line of the head ends with CRLF, never a bare LF (RFC 9112 §2.2). */
    public boolean linesEndWithCrlf() {
        byte[] head = Arrays.copyOf(received, headLength);
        for (int i = 0; i < head.length; i++) {
            if (head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) {
                return false;
            }
            if (head[i] == '\r' && (i + 1 == head.length || head[i + 1] != '\n')) {
                return false;
            }
        }
        return true;
    }

    public List<Field> fields() {
        String[] lines = head().split("\r?\n");
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.add(new Field(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()));
            }
        }
        return fields;
    }

    /** All values of a header field; names compare case-insensitively (RFC 9110 §5.1). */
    public List<String> fieldValues(String name) {
        return fields().stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    public Optional<String> field(String name) {
        List<String> values = fieldValues(name);
        if (values.size() > 1) {
            throw new AssertionError("header field " + name + " appears " + values.size() + " times: " + values);
        }
        return values.stream().findFirst();
    }

    public byte[] body() {
        requireHead();
        return Arrays.copyOfRange(received, headLength, headLength + bodyLength);
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Bytes that arrived after the body the head announced: there must be none. */
    public byte[] trailingBytes() {
        int end = Math.max(headLength, 0) + bodyLength;
        return Arrays.copyOfRange(received, Math.min(end, received.length), received.length);
    }

    private void requireHead() {
        if (!hasCompleteHead()) {
            throw new AssertionError(isEmpty()
                    ? "the server closed the connection without sending a response"
                    : "the server did not send a complete response head (no blank line after the header fields)");
        }
    }

    static int findHeadEnd(byte[] bytes, int length) {
        for (int i = 0; i + 1 < length; i++) {
            if (bytes[i] == '\n') {
                if (bytes[i + 1] == '\n') {
                    return i + 2;
                }
                if (i + 2 < length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                    return i + 3;
                }
            }
        }
        return -1;
    }

    static OptionalLong contentLength(byte[] bytes, int headLength) {
        String head = new String(bytes, 0, headLength, StandardCharsets.ISO_8859_1);
        for (String line : head.split("\r?\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                try {
                    return OptionalLong.of(Long.parseLong(line.substring("content-length:".length()).strip()));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}
