package lowweb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Puts responses on the wire: the head, with every field it carries decided here, then the body. */
final class ResponseWriter {

    /** RFC 9110 §10.2.4: names the software; no version number, which would only help attackers pick exploits. */
    private static final String SERVER_NAME = "lowweb";
    /** What goes through the waiting write when {@code sendfile} finds the socket full: small, as no progress is. */
    private static final int PIECE_BYTES = 8192;

    private final DeadlineOutput out;
    private final SocketChannel socket;
    /** The body bytes of the response being written that have gone out so far. */
    private long bodyBytesSent;

    /**
     * @param out    the way to the client, which gives up on one that takes no bytes
     * @param socket the same connection as a channel, for {@code sendfile}
     */
    ResponseWriter(DeadlineOutput out, SocketChannel socket) {
        this.out = out;
        this.socket = socket;
    }

    /**
     * Writes the response; for a HEAD request without the body, but with the very same head, so that Content-Length
     * still tells the size a GET would get (RFC 9110 §9.3.2). The response's file is closed either way.
     *
     * <p>A body in memory leaves with the head in one gathering write ({@code writev}): one system call, and usually
     * one TCP segment, for a whole page. A file's bytes go from the file to the socket without passing through the
     * Java heap, so a large file costs no more memory than a small one.
     *
     * @param persist whether the connection stays open after this response
     */
    void write(Response response, boolean withBody, boolean persist) throws IOException {
        bodyBytesSent = 0;
        try {
            ByteBuffer head = ByteBuffer.wrap(head(response, persist).getBytes(StandardCharsets.ISO_8859_1));
            switch (withBody ? response.body() : new Body.None()) {
                case Body.Bytes(byte[] bytes) -> {
                    out.write(head, ByteBuffer.wrap(bytes));
                    bodyBytesSent = bytes.length;
                }
                case Body.FileRegion region -> {
                    out.write(head);
                    transfer(region);
                }
                case Body.None none -> out.write(head);
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
        out.write(ByteBuffer.wrap((statusLine(status) + "\r\n").getBytes(StandardCharsets.ISO_8859_1)));
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
     * §8.6), unless there is no content at all (304); whether the connection stays open after it (RFC 9112 §9.3,
     * §9.6); and {@code X-Content-Type-Options: nosniff} (WHATWG Fetch) on every response, error pages and redirects
     * included: a browser must take the Content-Type as it is and not guess another from the bytes, so a text file
     * that someone uploaded to the site can never run as a script or a style sheet, whatever it holds.
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
        // "keep-alive" is what an HTTP/1.0 client needs to hear; an HTTP/1.1 client would assume it.
        field(head, "Connection", persist ? "keep-alive" : "close");
        field(head, "X-Content-Type-Options", "nosniff");
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
     * Sends exactly the region's length. {@code FileChannel.transferTo} lets the kernel copy from the file to the
     * socket ({@code sendfile} on Linux): no Java buffer, no copy through user space, and a range starts at its offset
     * without reading what comes before it. If the file shrinks while it is sent, the promised length can no longer
     * be kept and the connection must end; if it grows, the client still gets the length it was told.
     *
     * <p>On a virtual thread the socket is non-blocking underneath, so {@code transferTo} returns 0 when the client's
     * side is full instead of waiting: looping on it would spin a processor for as long as the client does not read.
     * Then one piece goes through {@code out}, whose write waits properly (and for no longer than the send time-out,
     * see {@link DeadlineOutput}), and the kernel copies again once the client has made room.
     */
    private void transfer(Body.FileRegion region) throws IOException {
        FileChannel file = region.file();
        while (bodyBytesSent < region.length()) {
            long position = region.offset() + bodyBytesSent;
            long left = region.length() - bodyBytesSent;
            long sent = file.transferTo(position, left, socket);
            if (sent == 0) {
                sent = sendPiece(file, position, (int) Math.min(PIECE_BYTES, left));
            }
            bodyBytesSent += sent;
        }
    }

    /** Sends up to {@code count} bytes of the file from {@code position} through {@code out}, waiting as it must. */
    private long sendPiece(FileChannel file, long position, int count) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate(count);
        if (file.read(piece, position) <= 0) {
            throw new IOException("file shrank while it was sent");
        }
        piece.flip();
        out.write(piece);
        return piece.limit();
    }
}
