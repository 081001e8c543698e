package lowweb.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Speaks to the server with exact bytes, for the facts a convenient HTTP client hides: the status line as sent, line
 * endings, header bytes, body length, bytes after the body, and whether the server closed the connection.
 */
public final class RawClient {

    /** How long to wait for a close the request asked for ({@code Connection: close}, or HTTP/1.0). */
    static final Duration CLOSE_EXPECTED = Duration.ofSeconds(5);
    /** How long to watch for stray bytes or a close after a response when nothing asked for a close. */
    static final Duration CLOSE_PROBE = Duration.ofMillis(250);

    private final String host;
    private final int port;
    private final Transcript transcript;

    RawClient(String host, int port, Transcript transcript) {
        this.host = host;
        this.port = port;
        this.transcript = transcript;
    }

    /** Sends the request text (ISO-8859-1, as HTTP heads are), reads one response, then closes. */
    public WireResponse send(String request) {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Sends the bytes, reads one response and watches what follows it. A HEAD response carries no body, whatever its
     * Content-Length says (RFC 9110 §9.3.2).
     */
    public WireResponse send(byte[] request) {
        String text = new String(request, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        boolean head = text.startsWith("head ");
        boolean closeAsked = text.contains("\r\nconnection: close\r\n") || text.contains(" http/1.0\r\n");
        try (RawConnection connection = open()) {
            connection.write(request);
            return connection.readResponse(head, closeAsked ? CLOSE_EXPECTED : CLOSE_PROBE);
        }
    }

    /** Opens a connection for tests that need to control timing: partial requests, resets, several requests. */
    public RawConnection open() {
        try {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), (int) Duration.ofSeconds(5).toMillis());
            return new RawConnection(socket, host + ":" + port, transcript);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + host + ":" + port, e);
        }
    }
}
