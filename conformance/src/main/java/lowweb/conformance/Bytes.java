package lowweb.conformance;

import java.nio.charset.StandardCharsets;

/** Shows bytes to a person: printable ASCII as is, everything else escaped, one wire line per output line. */
public final class Bytes {

    private static final int SHOWN_AT_MOST = 4096;

    private Bytes() {
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Escapes bytes like a C string literal; CRLF and LF also end the output line so a response stays readable. */
    public static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(bytes.length, SHOWN_AT_MOST);
        for (int i = 0; i < shown; i++) {
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
        if (bytes.length > shown) {
            out.append("\n... (").append(bytes.length - shown).append(" more bytes)");
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
