package lowweb;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The path of an origin-form request-target (RFC 9112 §3.2.1), split into decoded segments.
 *
 * <p>Each segment is percent-decoded exactly once, as UTF-8 (RFC 3986 §2.1, §2.5). Decoding segment by segment
 * keeps an encoded slash ({@code %2F}) inside its segment, where {@link StaticFiles} refuses it, instead of letting
 * it become a path separator.
 *
 * @param segments the decoded path segments, e.g. {@code ["docs", "index.html"]} for {@code /docs/index.html};
 *                 no empty segment and no "."
 * @param folder   whether the path ends with a slash, e.g. {@code /docs/}
 */
public record RequestTarget(List<String> segments, boolean folder) {

    public RequestTarget {
        segments = List.copyOf(segments);
    }

    static RequestTarget parse(String target) throws HttpError {
        if (!target.startsWith("/")) {
            throw new HttpError(Status.BAD_REQUEST, "request-target must start with \"/\": " + target);
        }
        // The query names no file; a static server has no use for it (RFC 3986 §3.4).
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        for (int i = 0; i < path.length(); i++) {
            if (!isPathChar(path.charAt(i))) {
                throw new HttpError(Status.BAD_REQUEST, "character not allowed in a path: " + path);
            }
        }
        // Every "/" ends a segment. An empty segment ("/a//b") or "." ("/a/./b", also as "%2E") names the folder it
        // is in (RFC 3986 §5.2.4), so both are dropped here, once, and no reader of the segments meets them.
        List<String> segments = new ArrayList<>();
        int start = 1;
        for (int end = path.indexOf('/', start); start <= path.length(); end = path.indexOf('/', start)) {
            end = end < 0 ? path.length() : end;
            String segment = decode(path.substring(start, end));
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
            start = end + 1;
        }
        boolean folder = path.endsWith("/");
        return new RequestTarget(segments, folder);
    }

    /**
     * RFC 3986 §3.3: the characters a path may hold as they are, pchar and the "/" between segments. A "%" stands for
     * pct-encoded here, whose two hex digits {@link #decode} checks.
     */
    private static boolean isPathChar(char c) {
        return isUnreserved(c) || isSubDelim(c) || ":@/%".indexOf(c) >= 0;
    }

    /** RFC 3986 §2.3: unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || FieldSyntax.isDigit(c) || "-._~".indexOf(c) >= 0;
    }

    /** RFC 3986 §2.2: {@code sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="}. */
    static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }

    /** Percent-decodes one segment to bytes, then reads the bytes as strict UTF-8. */
    private static String decode(String segment) throws HttpError {
        if (segment.indexOf('%') < 0) {
            // Nothing to decode: the characters a path may hold as they are are ASCII, which UTF-8 reads unchanged.
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw new HttpError(Status.BAD_REQUEST, "incomplete percent-escape in: " + segment);
            }
            int high = Character.digit(segment.charAt(i + 1), 16);
            int low = Character.digit(segment.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new HttpError(Status.BAD_REQUEST, "bad percent-escape in: " + segment);
            }
            int b = high * 16 + low;
            if (b == 0) {
                // A NUL cuts file names short in many system calls: never let one through.
                throw new HttpError(Status.BAD_REQUEST, "%00 in the path");
            }
            bytes.write(b);
            i += 2;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpError(Status.BAD_REQUEST, "path is not valid UTF-8 once decoded: " + segment);
        }
    }
}
