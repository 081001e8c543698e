package lowweb.conformance;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.assertj.core.api.Condition;

/**
 * The requests most tests send, written out once. Every HTTP/1.1 request names the server in {@code Host} (required
 * from stage 3, RFC 9112 §3.2) and asks for {@code Connection: close}, so each response ends with its connection in
 * every stage, persistent connections (stage 6) included; only the {@code persistent} ones leave it out, for tests
 * that send several requests on one connection. Tests about a malformed head write their bytes out in full.
 *
 * <p>{@link #get} and {@link #head} send a request and return its response; {@link #closingHead} and
 * {@link #persistentHead} only build the text of a request head, for a test that writes it itself.
 */
final class Requests {

    private static final Pattern CLIENT_ERROR_STATUS_LINE = Pattern.compile("HTTP/1\\.\\d 4\\d\\d( .*)?");
    /** What a {@link #halfHead} client sends to finish its head: the empty line is what it held back. */
    private static final String REST_OF_HEAD = "Connection: close\r\n\r\n";

    private Requests() {
    }

    /** {@code GET target HTTP/1.1} with Host, the given field lines and Connection: close. */
    static WireResponse get(TestServer server, String target, String... fieldLines) {
        return withRequestLine(server, "GET " + target + " HTTP/1.1", fieldLines);
    }

    /** {@code HEAD target HTTP/1.1} with Host, the given field lines and Connection: close. */
    static WireResponse head(TestServer server, String target, String... fieldLines) {
        return withRequestLine(server, "HEAD " + target + " HTTP/1.1", fieldLines);
    }

    /** {@code METHOD target HTTP/1.1} with Host and Connection: close. */
    static WireResponse send(TestServer server, String method, String target) {
        return withRequestLine(server, method + " " + target + " HTTP/1.1");
    }

    /** The request line exactly as given, then Host, the extra field lines, and Connection: close. */
    static WireResponse withRequestLine(TestServer server, String requestLine, String... fieldLines) {
        return server.raw().send(closingHead(server, requestLine, fieldLines));
    }

    /**
     * The bytes {@link #withRequestLine} sends: the request line, Host, the extra field lines and Connection: close,
     * for a test that writes them on a connection of its own.
     */
    static String closingHead(TestServer server, String requestLine, String... fieldLines) {
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
     * Sends {@code GET target HTTP/1.1} with Host and nothing else on a connection that stays open, and reads its
     * response.
     */
    static WireResponse persistentGet(RawConnection connection, TestServer server, String target) {
        return exchange(connection, persistentHead(server, "GET " + target + " HTTP/1.1"));
    }

    /** Writes one request on the connection and reads exactly one response; what follows it stays unread. */
    static WireResponse exchange(RawConnection connection, String request) {
        connection.write(request);
        return connection.readNextResponse();
    }

    /**
     * A connection that has sent the request line of {@code GET /hello.txt} and its Host field, and then waits: the
     * empty line that ends the head never came, so the server has no request to answer yet.
     */
    static RawConnection halfHead(TestServer server) {
        RawConnection connection = server.raw().open();
        connection.write(startOfHead(server));
        return connection;
    }

    /** The request line of {@code GET /hello.txt} and its Host field: a head without the empty line that ends it. */
    static String startOfHead(TestServer server) {
        return "GET /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n";
    }

    /** Sends the rest of a {@link #halfHead} and reads the response. */
    static WireResponse finishHead(RawConnection connection) {
        connection.write(REST_OF_HEAD);
        return connection.readResponse();
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
