package lowweb;

import java.util.regex.Pattern;

/**
 * The first line of a request: {@code method SP request-target SP HTTP-version} (RFC 9112 §3).
 *
 * @param method  a token such as GET (RFC 9110 §9); case-sensitive
 * @param target  the request-target exactly as sent, e.g. {@code /docs/index.html?x=1}
 * @param version e.g. {@code HTTP/1.1}
 */
public record RequestLine(String method, String target, String version) {

    /** RFC 9110 §5.6.2: token = 1*tchar. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    /** RFC 9112 §2.3: HTTP-version = "HTTP" "/" DIGIT "." DIGIT. */
    private static final Pattern VERSION = Pattern.compile("HTTP/[0-9]\\.[0-9]");

    static RequestLine parse(String line) throws HttpError {
        if (hasControl(line, false)) {
            // RFC 9112 §3: a method, a target and a version, none of which holds a control character. The target's
            // query is checked nowhere else, and a NUL in it would reach any code that reads it.
            throw new HttpError(Status.BAD_REQUEST, "control character in the request line");
        }
        // Exactly one space between the parts; no other white space is allowed (RFC 9112 §3).
        String[] parts = line.split(" ", -1);
        if (parts.length != 3) {
            throw new HttpError(Status.BAD_REQUEST, "request line is not \"method SP target SP version\": " + line);
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];
        if (!TOKEN.matcher(method).matches()) {
            throw new HttpError(Status.BAD_REQUEST, "method is not a token: " + method);
        }
        if (!VERSION.matcher(version).matches()) {
            throw new HttpError(Status.BAD_REQUEST, "not an HTTP version: " + version);
        }
        if (!version.startsWith("HTTP/1.")) {
            // RFC 9110 §15.6.6: a well-formed version this server does not speak is not the client's mistake.
            throw new HttpError(Status.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.x is spoken here, got " + version);
        }
        return new RequestLine(method, target, version);
    }

    static boolean isToken(String text) {
        return TOKEN.matcher(text).matches();
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
}
