package lowweb;

import java.util.List;
import java.util.Optional;

/**
 * One range of bytes of a representation, both ends included, as a Range field asks for it (RFC 9110 §14.1.2):
 * {@code bytes=0-499} the first 500 bytes, {@code bytes=500-} all from the 501st on, {@code bytes=-500} the last 500.
 *
 * @param first the position of the first byte, from 0
 * @param last  the position of the last byte, at most the length minus one
 */
record ByteRange(long first, long last) {

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
        if (equals < 0 || !FieldSyntax.withoutWhitespace(field, 0, equals).equalsIgnoreCase("bytes")) {
            return Optional.empty();
        }
        // RFC 9110 §14.1.1: range-set = 1#range-spec, a list.
        List<String> ranges = FieldSyntax.list(field.substring(equals + 1));
        if (ranges.size() != 1) {
            return Optional.empty();
        }
        // RFC 9110 §14.1.2: int-range = first-pos "-" [ last-pos ], suffix-range = "-" suffix-length.
        String range = ranges.getFirst();
        int dash = range.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String first = range.substring(0, dash);
        String last = range.substring(dash + 1);
        if (!FieldSyntax.isDigits(first, 0, first.length()) || !FieldSyntax.isDigits(last, 0, last.length())
                || first.isEmpty() && last.isEmpty()) {
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
