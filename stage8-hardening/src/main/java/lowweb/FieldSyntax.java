package lowweb;

import java.util.ArrayList;
import java.util.List;

/**
 * The common syntax of header fields (RFC 9110 §5.6), and the core rules it builds on (RFC 5234 §B.1): each rule has
 * its home here, and every parser of a request uses it from here.
 *
 * <p>Each rule is an index walk over the text, never a regular expression. A client chooses the text, and a pattern
 * that backtracks can be made to try again from every character it has already read: a few thousand blanks then cost
 * the server quadratic time on every request that sends them. A walk reads each character once.
 */
final class FieldSyntax {

    private FieldSyntax() {
    }

    /** RFC 5234 §B.1: DIGIT = %x30-39. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 5234 §B.1: HEXDIG = DIGIT / "A" / "B" / "C" / "D" / "E" / "F", in either case as HTTP reads it. */
    static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** Whether the text from {@code from} to {@code to} is *DIGIT: digits only, or nothing at all. */
    static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 9110 §5.6.2: {@code tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" /
     * "|" / "~" / DIGIT / ALPHA}, the visible characters that are not delimiters.
     */
    static boolean isTchar(char c) {
        return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** RFC 9110 §5.6.2: token = 1*tchar, the form of methods, field names and most values. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTchar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text holds a control character, RFC 5234 §B.1: CTL = %x00-1F / %x7F; HTAB only when it is not
     * allowed. A loop rather than a pattern: it runs for the request line and every field of every request.
     */
    static boolean hasControl(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(c == '\t' && tabAllowed)) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 §5.6.3: OWS = *( SP / HTAB ), the optional white space around values and list elements. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    /** Where the optional white space that starts at {@code from} ends: the index of the next other character. */
    static int afterWhitespace(String text, int from) {
        int end = from;
        while (end < text.length() && isWhitespace(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The text from {@code from} to {@code to}, without the optional white space at either end. */
    static String withoutWhitespace(String text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * RFC 9110 §5.6.1: the elements of a list-based field ({@code #element}), from all its field lines, which form one
     * list (RFC 9110 §5.3): split at each comma, without the optional white space around each element. Empty
     * elements, as in {@code "a, , b"} or after a last comma, are ones a recipient must accept and ignore: they are
     * left out.
     */
    static List<String> list(List<String> values) {
        List<String> elements = new ArrayList<>();
        for (String value : values) {
            int start = 0;
            while (start <= value.length()) {
                int end = elementEnd(value, start);
                String element = withoutWhitespace(value, start, end);
                if (!element.isEmpty()) {
                    elements.add(element);
                }
                start = end + 1;
            }
        }
        return elements;
    }

    /** The elements of one field line. */
    static List<String> list(String value) {
        return list(List.of(value));
    }

    /**
     * Where the element that starts at {@code from} ends: at the next comma outside double quotes, or at the end of
     * the value. An entity tag is quoted and may hold a comma (RFC 9110 §8.8.3); it knows no escapes, so every quote
     * opens or closes one.
     */
    private static int elementEnd(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                return i;
            }
        }
        return value.length();
    }
}
