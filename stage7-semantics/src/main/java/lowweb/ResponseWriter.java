package lowweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Puts responses on the wire: the head, with every field it carries decided here, then the body. */
final class ResponseWriter {

    /** RFC 9110 §10.2.4: names the software; no version number, which would only help attackers pick exploits. */
    private static final String SERVER_NAME = "lowweb";

    private final OutputStream out;
    private final WritableByteChannel socket;
    /** The body bytes of the response being written that have gone out so far. */
    private long bodyBytesSent;

    /**
     * @param out    the connection as a buffered stream, for the head and bodies in memory
     * @param socket the same connection as a channel, for a file's bytes
     */
    ResponseWriter(OutputStream out, WritableByteChannel socket) {
        this.out = out;
        this.socket = socket;
    }

    /**
     * Writes the response; for a HEAD request without the body, but with the very same head, so that Content-Length
     * still tells the size a GET would get (RFC 9110 §9.3.2). The response's file is closed either way.
     *
     * @param persist whether the connection stays open after this response
     */
    void write(Response response, boolean withBody, boolean persist) throws IOException {
        bodyBytesSent = 0;
        try {
            out.write(head(response, persist).getBytes(StandardCharsets.ISO_8859_1));
            if (!withBody) {
                out.flush();
                return;
            }
            switch (response.body()) {
                case Body.Bytes(byte[] bytes) -> {
                    out.write(bytes);
                    out.flush();
                    bodyBytesSent = bytes.length;
                }
                case Body.FileRegion region -> {
                    // The head must be on its way before file bytes that bypass the stream's buffer.
                    out.flush();
                    transfer(region);
                }
                case Body.None none -> out.flush();
            }
        } finally {
            response.discard();
        }
    }

    /**
     * RFC 9110 §15.2: an interim response, such as 100 Continue, is a status line alone before the final response; it
     * carries no content, so not even a Content-Length.
     */
    void writeInterim(Status status) throws IOException {
        out.write((statusLine(status) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * How many bytes of the last response's body went out, however its writing ended: the access log records them
     * (the Common Log Format's bytes field), and a client that leaves halfway through a large file got fewer than
     * Content-Length promised.
     */
    long bodyBytesSent() {
        return bodyBytesSent;
    }

    /**
     * The status line and every field, in the order they are sent: when the message was made (RFC 9110 §6.6.1) and by
     * what server; the fields that describe the content; its length, in bytes, counted from the body itself (RFC 9110
     * §8.6), unless there is no content at all (304); and whether the connection stays open after it (RFC 9112 §9.3,
     * §9.6). "keep-alive" is what an HTTP/1.0 client needs to hear; an HTTP/1.1 client would assume it, and saying it
     * costs nothing.
     */
    private static String head(Response response, boolean persist) {
        StringBuilder head = new StringBuilder(statusLine(response.status()));
        field(head, "Date", HttpDate.format(Instant.now()));
        field(head, "Server", SERVER_NAME);
        for (HeaderFields.Field field : response.fields()) {
            field(head, field.name(), field.value());
        }
        if (!(response.body() instanceof Body.None)) {
            field(head, "Content-Length", Long.toString(response.body().length()));
        }
        field(head, "Connection", persist ? "keep-alive" : "close");
        return head.append("\r\n").toString();
    }

    /** RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF. */
    private static String statusLine(Status status) {
        return "HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n";
    }

    /** RFC 9112 §5: field-line = field-name ":" OWS field-value OWS, ending in CRLF. */
    private static void field(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    /**
     * Sends exactly the announced length. {@code FileChannel.transferTo} lets the kernel copy from the file to the
     * socket ({@code sendfile} on Linux): no Java buffer, no copy through user space, so a large file costs no more
     * memory than a small one. If the file shrinks while it is sent, the promised length can no longer be kept and the
     * connection must end; if it grows, the client still gets the length it was told.
     */
    private void transfer(Body.FileRegion region) throws IOException {
        FileChannel file = region.file();
        while (bodyBytesSent < region.length()) {
            long sent = file.transferTo(region.offset() + bodyBytesSent, region.length() - bodyBytesSent, socket);
            if (sent == 0 && region.offset() + bodyBytesSent >= file.size()) {
                throw new IOException("file shrank while it was sent");
            }
            bodyBytesSent += sent;
        }
    }
}
