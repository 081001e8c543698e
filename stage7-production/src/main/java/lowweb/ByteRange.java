package lowweb;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a representation, both ends included, as a Range field asks for it (RFC 9110 §14.1.2):
 * {@code bytes=0-499} the first 500 bytes, {@code bytes=500-} all from the 501st on, {@code bytes=-500} the last 500.
 *
 * @param first the position of the first byte, from 0
 * @param last  the position of the last byte, at most the length minus one
 */
record ByteRange(long first, long last) {

    /** RFC 9110 §14.1.2: int-range = first-pos "-" [ last-pos ], suffix-range = "-" suffix-length. */
    private static final Pattern ONE_RANGE = Pattern.compile("[ \t]*([0-9]*)-([0-9]*)[ \t]*");
    /** Beyond this, a position cannot name a byte of any file: it is read as "past the end". */
    private static final int MAX_DIGITS = 18;

    /**
     * The range a Range field selects from a representation of {@code length} bytes.
     *
     * <p>Nothing, so that the whole representation is sent with 200, when the field is malformed, uses a unit other
     * than bytes, or asks for several ranges: RFC 9110 §14.2 lets a server ignore Range. Several ranges would need a
     * multipart/byteranges body (§14.6), which few clients ask for, and whose many small overlapping parts let one
     * short request make the server do much work for little; the whole file answers them correctly.
     *
     * @throws HttpError 416 when the range is well-formed but starts past the end (RFC 9110 §15.5.17)
     */
    static Optional<ByteRange> parse(String field, long length) throws HttpError {
        int equals = field.indexOf('=');
        // RFC 9110 §14.1: range units are case-insensitive.
        if (equals < 0 || !field.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        Matcher range = ONE_RANGE.matcher(field.substring(equals + 1));
        if (!range.matches()) {
            return Optional.empty();
        }
        String first = range.group(1);
        String last = range.group(2);
        if (first.isEmpty() && last.isEmpty()) {
            return Optional.empty();
        }
        if (first.isEmpty()) {
            long suffix = position(last);
            if (suffix == 0 || length == 0) {
                throw unsatisfiable(field);
            }
            // A suffix longer than the representation means all of it (RFC 9110 §14.1.2).
            return Optional.of(new ByteRange(Math.max(0, length - suffix), length - 1));
        }
        long start = position(first);
        long end = last.isEmpty() ? Long.MAX_VALUE : position(last);
        if (end < start) {
            // RFC 9110 §14.1.1: a last-pos below the first-pos makes the range invalid, and an invalid one is ignored.
            return Optional.empty();
        }
        if (start >= length) {
            throw unsatisfiable(field);
        }
        return Optional.of(new ByteRange(start, Math.min(end, length - 1)));
    }

    long length() {
        return last - first + 1;
    }

    /** RFC 9110 §14.4: the Content-Range value of a 206 response, {@code bytes 0-499/1234}. */
    String contentRange(long completeLength) {
        return "bytes " + first + "-" + last + "/" + completeLength;
    }

    /** RFC 9110 §14.4: the Content-Range value of a 416 response, which tells the length to ask within. */
    static String unsatisfiedRange(long completeLength) {
        return "bytes */" + completeLength;
    }

    private static long position(String digits) {
        return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static HttpError unsatisfiable(String field) {
        return new HttpError(Status.RANGE_NOT_SATISFIABLE, "no byte of the file is in: " + field);
    }
}
