package lowweb.conformance;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Shows bytes to a person: printable ASCII as is, everything else escaped, one wire line per output line. */
public final class Bytes {

    private static final int SHOWN_AT_MOST = 4096;
    /** How much of a head, or of a body that is text, a transcript shows: a page of text, not a whole file. */
    static final int TEXT_SHOWN = 2048;
    /** How many bytes of a body that is not text a transcript shows, in hex: enough to tell a PNG from a JPEG. */
    static final int HEX_SHOWN = 32;

    private Bytes() {
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Escapes bytes like a C string literal; CRLF and LF also end the output line so a response stays readable. */
    public static String escape(byte[] bytes) {
        return escape(bytes, 0, bytes.length, SHOWN_AT_MOST);
    }

    /**
     * A message's bytes as a transcript shows them: the head as escaped text, then a body that is text, cut after
     * {@value #TEXT_SHOWN} bytes, or, for one that is not, such as an image, its length and its first bytes in hex.
     * Bytes without a head, such as a TLS handshake sent instead of a request, are shown the same way as a body.
     */
    static String message(byte[] bytes) {
        int headEnd = WireResponse.findHeadEnd(bytes, bytes.length);
        if (headEnd < 0 || !startsWithALine(bytes)) {
            return part(bytes, 0);
        }
        String head = escape(bytes, 0, headEnd, TEXT_SHOWN);
        // The head's escaped text ends with a line end, so the body starts on a line of its own.
        return headEnd == bytes.length ? head : head + part(bytes, headEnd);
    }

    /**
     * Whether the bytes start with a line of printable ASCII, as a request line and a status line do: random bytes
     * may hold an empty line too, but that does not make what comes before it a head.
     */
    private static boolean startsWithALine(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\r' || b == '\n') {
                return true;
            }
            if (b < 0x20 && b != '\t' || b >= 0x7f) {
                return false;
            }
        }
        return false;
    }

    private static String part(byte[] bytes, int from) {
        int length = bytes.length - from;
        if (length == 0 || isText(bytes, from)) {
            return escape(bytes, from, bytes.length, TEXT_SHOWN);
        }
        int shown = Math.min(length, HEX_SHOWN);
        return "(" + length + " bytes that are not text; " + (shown == length ? "all" : "the first " + shown)
                + " in hex: " + HexFormat.ofDelimiter(" ").formatHex(bytes, from, from + shown) + ")";
    }

    /**
     * Whether the bytes from {@code from} read as UTF-8 text, as far as a transcript would show them: no malformed
     * sequence (one cut at the end of what is looked at is fine) and no control character but tab, CR and LF.
     */
    private static boolean isText(byte[] bytes, int from) {
        int length = Math.min(bytes.length - from, TEXT_SHOWN);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer text = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, from, length), text, false);
        if (result.isError()) {
            return false;
        }
        text.flip();
        return text.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\t' || c == '\r' || c == '\n');
    }

    private static String escape(byte[] bytes, int from, int to, int atMost) {
        StringBuilder out = new StringBuilder();
        int end = Math.min(to, from + atMost);
        for (int i = from; i < end; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        out.append((char) b);
                    } else {
                        out.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        if (to > end) {
            out.append("\n... (").append(to - end).append(" more bytes)");
        }
        return out.toString();
    }

    /** The same bytes as a shell {@code printf} argument, for a reproduction with {@code nc}. */
    public static String printfArgument(byte[] bytes) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(bytes.length, SHOWN_AT_MOST);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\'' && b != '\\' && b != '%') {
                out.append((char) b);
            } else {
                out.append(String.format("\\%03o", b));
            }
        }
        return out.append("'").toString();
    }
}
