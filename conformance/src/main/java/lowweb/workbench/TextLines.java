package lowweb.workbench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A text file as lines, to apply a patch's hunks to, and back to the same bytes.
 *
 * <p>The bytes are read as ISO-8859-1, one character a byte, so that any file comes back byte for byte whatever its
 * encoding: a patch's lines are matched and written as the bytes they are. The line separator is the file's own,
 * LF or CRLF, which Git may have chosen on checkout; a line that lacks it at the end of the file stays without.
 *
 * @param lines          the lines without their separators
 * @param separator      "\n" or "\r\n"
 * @param endsWithSeparator whether the last line ends with the separator, as almost every text file's does
 */
record TextLines(List<String> lines, String separator, boolean endsWithSeparator) {

    TextLines {
        lines = List.copyOf(lines);
    }

    static TextLines of(byte[] bytes, String defaultSeparator) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int firstLineEnd = text.indexOf('\n');
        String separator = firstLineEnd < 0 ? defaultSeparator
                : firstLineEnd > 0 && text.charAt(firstLineEnd - 1) == '\r' ? "\r\n" : "\n";
        if (text.isEmpty()) {
            return new TextLines(List.of(), separator, true);
        }
        boolean ends = text.endsWith(separator);
        String body = ends ? text.substring(0, text.length() - separator.length()) : text;
        return new TextLines(Arrays.asList(body.split(separator, -1)), separator, ends);
    }

    TextLines with(List<String> changed) {
        return new TextLines(changed, separator, endsWithSeparator);
    }

    byte[] bytes() {
        if (lines.isEmpty()) {
            return new byte[0];
        }
        String text = String.join(separator, lines) + (endsWithSeparator ? separator : "");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
