package lowweb;

/**
 * The first line of a request: {@code method SP request-target SP HTTP-version} (RFC 9112 §3).
 *
 * @param method  a token such as GET (RFC 9110 §9); case-sensitive
 * @param target  the request-target exactly as sent, e.g. {@code /docs/index.html?x=1}
 * @param version e.g. {@code HTTP/1.1}
 */
public record RequestLine(String method, String target, String version) {

    static RequestLine parse(String line) throws HttpError {
        if (FieldSyntax.hasControl(line, false)) {
            // RFC 9112 §3: a method, a target and a version, none of which holds a control character. The target's
            // query is checked nowhere else, and a NUL in it would reach any code that reads it.
            throw new HttpError(Status.BAD_REQUEST, "control character in the request line");
        }
        // Exactly one space between the parts; no other white space is allowed (RFC 9112 §3).
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (second < 0 || line.indexOf(' ', second + 1) >= 0) {
            throw new HttpError(Status.BAD_REQUEST, "request line is not \"method SP target SP version\": " + line);
        }
        String method = line.substring(0, first);
        String target = line.substring(first + 1, second);
        String version = line.substring(second + 1);
        if (!FieldSyntax.isToken(method)) {
            throw new HttpError(Status.BAD_REQUEST, "method is not a token: " + method);
        }
        if (!isVersion(version)) {
            throw new HttpError(Status.BAD_REQUEST, "not an HTTP version: " + version);
        }
        if (!version.startsWith("HTTP/1.")) {
            // RFC 9110 §15.6.6: a well-formed version this server does not speak is not the client's mistake.
            throw new HttpError(Status.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.x is spoken here, got " + version);
        }
        return new RequestLine(method, target, version);
    }

    /** RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT. */
    private static boolean isVersion(String text) {
        return text.length() == 8 && text.startsWith("HTTP/") && FieldSyntax.isDigit(text.charAt(5))
                && text.charAt(6) == '.' && FieldSyntax.isDigit(text.charAt(7));
    }
}
