package lowweb;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A parsed request head. This server serves files, so it never needs a request body.
 *
 * @param line   the request line
 * @param fields the header fields
 */
public record Request(RequestLine line, HeaderFields fields) {

    /** RFC 9110 §7.2: Host = uri-host [ ":" port ], uri-host being an IP literal, IPv4 address or reg-name. */
    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9\\-._~!$&'()*+,;=%]*)(:[0-9]*)?");

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
        return new Request(line, fields);
    }

    /** A HEAD request gets the head of the response only (RFC 9110 §9.3.2). */
    boolean isHead() {
        return line.method().equals("HEAD");
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
        if (hosts == 1 && !HOST.matcher(values.getFirst()).matches()) {
            throw new HttpError(Status.BAD_REQUEST, "Host is not host[:port]: " + values.getFirst());
        }
    }
}
