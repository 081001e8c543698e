package lowweb;

import java.util.List;
import java.util.Locale;

/**
 * A parsed request head. This server serves files, so it never needs a request body; {@link RequestBody} skips one.
 *
 * @param line   the request line
 * @param fields the header fields
 */
public record Request(RequestLine line, HeaderFields fields) {

    /**
     * Parses a request head, read by {@link HeadReader}.
     *
     * @throws HttpError when the head is malformed
     */
    static Request parse(List<String> lines) throws HttpError {
        if (lines.isEmpty()) {
            throw new HttpError(Status.BAD_REQUEST, "empty request");
        }
        RequestLine line = RequestLine.parse(lines.getFirst());
        HeaderFields fields = HeaderFields.parse(lines.subList(1, lines.size()));
        requireOneHost(line, fields);
        return new Request(TargetForm.originForm(line), fields);
    }

    /**
     * Whether the request line asks for HEAD, which gets the head of the response only (RFC 9110 §9.3.2: the server
     * "MUST NOT send content"). Asked of the line as it was read, not of a parsed request: a request refused for a
     * malformed field or body was never parsed to the end, yet its first word said HEAD, and its error must come
     * without a body too. Null, when not even a line was read, is no HEAD.
     */
    static boolean isHead(String requestLine) {
        return requestLine != null && requestLine.startsWith("HEAD ");
    }

    /**
     * RFC 9112 §9.3: whether the client wants the connection kept open after this request. "close" always ends it;
     * HTTP/1.1 persists by default, while HTTP/1.0 persists only when it asks with "keep-alive" (RFC 9112 §C.2.2).
     */
    boolean wantsPersistence() {
        List<String> options = connectionOptions();
        if (options.contains("close")) {
            return false;
        }
        return !line.version().equals("HTTP/1.0") || options.contains("keep-alive");
    }

    /** RFC 9110 §7.6.1: Connection = #connection-option; the options are case-insensitive tokens. */
    private List<String> connectionOptions() {
        return fields.elements("Connection").stream()
                .map(option -> option.toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * RFC 9110 §7.2: Host = uri-host [ ":" port ], port = *DIGIT (RFC 3986 §3.2.3). Also the form of the authority of
     * an http URI.
     */
    static boolean isHost(String text) {
        int colon = uriHostEnd(text);
        return colon == text.length()
                || colon >= 0 && text.charAt(colon) == ':' && FieldSyntax.isDigits(text, colon + 1, text.length());
    }

    /**
     * Where the uri-host that starts the text ends (RFC 3986 §3.2.2): after the "]" of an IP literal, or after a
     * reg-name, which may be empty and also covers an IPv4 address; -1 when a "[" opens no IP literal.
     */
    static int uriHostEnd(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            for (int i = 1; i < close; i++) {
                char c = text.charAt(i);
                if (!FieldSyntax.isHexDigit(c) && c != ':' && c != '.') {
                    return -1;
                }
            }
            return close > 1 ? close + 1 : -1;
        }
        int end = 0;
        while (end < text.length() && isRegNameChar(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** RFC 3986 §3.2.2: reg-name = *( unreserved / pct-encoded / sub-delims ), "%" standing for pct-encoded. */
    private static boolean isRegNameChar(char c) {
        return RequestTarget.isUnreserved(c) || RequestTarget.isSubDelim(c) || c == '%';
    }

    /**
     * RFC 9112 §3.2: an HTTP/1.1 request without Host, any request with more than one, and a Host that is not
     * {@code host[:port]} get 400. Two hosts, or a malformed one, could make a proxy and this server disagree on which
     * site the request is for.
     */
    private static void requireOneHost(RequestLine line, HeaderFields fields) throws HttpError {
        List<String> values = fields.values("Host");
        int hosts = values.size();
        if (hosts > 1) {
            throw new HttpError(Status.BAD_REQUEST, "more than one Host header field");
        }
        if (hosts == 0 && !line.version().equals("HTTP/1.0")) {
            throw new HttpError(Status.BAD_REQUEST, "HTTP/1.1 request without a Host header field");
        }
        if (hosts == 1 && !isHost(values.getFirst())) {
            throw new HttpError(Status.BAD_REQUEST, "Host is not host[:port]: " + values.getFirst());
        }
    }
}
