package lowweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Puts responses on the wire: the head, with every field it carries decided here, then the body. */
final class ResponseWriter {

    /** RFC 9110 §10.2.4: names the software; no version number, which would only help attackers pick exploits. */
    private static final String SERVER_NAME = "lowweb";

    /**
     * A file goes out in pieces of this size, counted as they go. A buffered stream passes a piece as large as its
     * buffer straight to the socket, so a piece counted has reached the connection.
     */
    private static final int PIECE_BYTES = 8192;

    private final OutputStream out;
    /** The body bytes of the response being written that have gone out so far. */
    private long bodyBytesSent;

    /** @param out the connection, buffered: the head and the body leave together where they fit */
    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * Writes the response; for a HEAD request without the body, but with the very same head, so that Content-Length
     * still tells the size a GET would get (RFC 9110 §9.3.2). The response's file is closed either way.
     */
    void write(Response response, boolean withBody) throws IOException {
        bodyBytesSent = 0;
        try {
            out.write(head(response).getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                switch (response.body()) {
                    case Body.Bytes(byte[] bytes) -> send(bytes, bytes.length);
                    case Body.FileRegion(FileChannel file, long offset, long length) -> {
                        // Bytes straight from the file: no decoding, so images and any text encoding arrive unchanged.
                        InputStream in = Channels.newInputStream(file.position(offset));
                        // Exactly the length that Content-Length announced: a file that grew since it was opened
                        // must not send more bytes than the client expects, nor a file that shrank fewer.
                        byte[] piece = new byte[PIECE_BYTES];
                        while (bodyBytesSent < length) {
                            int read = in.read(piece, 0, (int) Math.min(piece.length, length - bodyBytesSent));
                            if (read < 0) {
                                throw new IOException("file shrank while it was sent");
                            }
                            send(piece, read);
                        }
                    }
                }
            }
            out.flush();
        } finally {
            response.discard();
        }
    }

    /**
     * How many bytes of the last response's body went out, however its writing ended: the access log records them
     * (the Common Log Format's bytes field), and a client that leaves halfway through a large file got fewer than
     * Content-Length promised.
     */
    long bodyBytesSent() {
        return bodyBytesSent;
    }

    private void send(byte[] bytes, int count) throws IOException {
        out.write(bytes, 0, count);
        bodyBytesSent += count;
    }

    /**
     * The status line and every field, in the order they are sent: when the message was made (RFC 9110 §6.6.1) and by
     * what server; the fields that describe the content; its length, in bytes, counted from the body itself (RFC 9110
     * §8.6); and that the connection ends after it (RFC 9112 §9.6), so the client knows not to send another request.
     */
    private static String head(Response response) {
        Status status = response.status();
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n");
        field(head, "Date", HttpDate.format(Instant.now()));
        field(head, "Server", SERVER_NAME);
        for (HeaderFields.Field field : response.fields()) {
            field(head, field.name(), field.value());
        }
        field(head, "Content-Length", Long.toString(response.body().length()));
        field(head, "Connection", "close");
        return head.append("\r\n").toString();
    }

    /** RFC 9112 §5: field-line = field-name ":" OWS field-value OWS, ending in CRLF. */
    private static void field(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }
}
