package lowweb.conformance;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.assertj.core.api.Condition;

/**
 * The requests most tests send, written out once. Every HTTP/1.1 request names the server in {@code Host} (required
 * from stage 3, RFC 9112 §3.2) and asks for {@code Connection: close}, so each response ends with its connection in
 * every stage, persistent connections (stage 6) included. Tests about a malformed head write their bytes out in full.
 */
final class Requests {

    private static final Pattern CLIENT_ERROR_STATUS_LINE = Pattern.compile("HTTP/1\\.\\d 4\\d\\d( .*)?");

    private Requests() {
    }

    /** {@code GET target HTTP/1.1} with Host and Connection: close. */
    static WireResponse get(TestServer server, String target) {
        return send(server, "GET", target);
    }

    /** {@code METHOD target HTTP/1.1} with Host and Connection: close. */
    static WireResponse send(TestServer server, String method, String target) {
        return withRequestLine(server, method + " " + target + " HTTP/1.1");
    }

    /** The request line exactly as given, then Host, the extra field lines, and Connection: close. */
    static WireResponse withRequestLine(TestServer server, String requestLine, String... fieldLines) {
        return server.raw().send(head(server, requestLine, fieldLines));
    }

    /** The bytes {@link #withRequestLine} sends, for a test that writes them on a connection of its own. */
    static String head(TestServer server, String requestLine, String... fieldLines) {
        String[] closing = Arrays.copyOf(fieldLines, fieldLines.length + 1);
        closing[fieldLines.length] = "Connection: close";
        return persistentHead(server, requestLine, closing);
    }

    /**
     * The request line, Host and the extra field lines, without Connection: close: a request after which an
     * HTTP/1.1 connection persists (RFC 9112 §9.3), for tests that send several on one connection.
     */
    static String persistentHead(TestServer server, String requestLine, String... fieldLines) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        head.append("Host: ").append(server.authority()).append("\r\n");
        for (String line : fieldLines) {
            head.append(line).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /**
     * How a server may turn away hostile or malformed input: a 4xx response, or closing the connection without
     * sending a single byte. A 2xx, a 5xx or a half-written response is not a refusal.
     */
    static Condition<WireResponse> refused() {
        return new Condition<>(
                response -> response.hasCompleteHead()
                        ? CLIENT_ERROR_STATUS_LINE.matcher(response.statusLine()).matches()
                        : response.isEmpty() && response.closed(),
                "a 4xx response, or a close without any response");
    }

    /** An answer that refuses the request or says the file does not exist: 400, 403 or 404, or a silent close. */
    static Condition<WireResponse> notServed() {
        return new Condition<>(
                response -> response.hasCompleteHead()
                        ? response.statusLine().matches("HTTP/1\\.\\d (400|403|404)( .*)?")
                        : response.isEmpty() && response.closed(),
                "a 400, 403 or 404 response, or a close without any response");
    }
}
