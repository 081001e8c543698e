package lowweb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server sends back: a status line, header fields, and a body taken from a file or generated.
 *
 * @param status the status
 * @param fields the header fields, in the order they are sent
 * @param file   the file whose bytes are the body, already open, or null for a generated body
 * @param body   the generated body when there is no file
 */
public record Response(Status status, List<HeaderFields.Field> fields, FileChannel file, byte[] body) {

    /** The Content-Type of every error page, built-in or the site's own. */
    static final String HTML = "text/html; charset=utf-8";
    /**
     * A file goes out in pieces of this size, counted as they go. A buffered stream passes a piece as large as its
     * buffer straight to the socket, so a piece counted has reached the connection.
     */
    private static final int PIECE_BYTES = 8192;

    public Response {
        fields = List.copyOf(fields);
    }

    /**
     * A file's bytes as the body: with 200 for the file asked for, or with an error status for an error page.
     *
     * @param file a file opened before anything is sent, see {@link StaticFiles#open}; its size now is the length
     *             announced
     */
    static Response file(Status status, FileChannel file, String contentType) throws IOException {
        return new Response(status, List.of(), file, null)
                .with("Content-Type", contentType)
                .with("Content-Length", Long.toString(file.size()));
    }

    /** A small HTML page that names the status, so a browser shows something readable. */
    static Response error(Status status) {
        byte[] page = ("<!doctype html>\n<title>" + status + "</title>\n<h1>" + status + "</h1>\n")
                .getBytes(StandardCharsets.UTF_8);
        Response response = new Response(status, List.of(), null, page)
                .with("Content-Type", HTML)
                .with("Content-Length", Integer.toString(page.length));
        // RFC 9110 §15.5.6: a 405 response must list the methods the resource does support.
        return status == Status.METHOD_NOT_ALLOWED ? response.with("Allow", "GET, HEAD") : response;
    }

    /** The same response with one more header field. */
    Response with(String name, String value) {
        List<HeaderFields.Field> more = new ArrayList<>(fields);
        more.add(new HeaderFields.Field(name, value));
        return new Response(status, more, file, body);
    }

    /**
     * Writes the response; for a HEAD request without the body, but with the very same header fields, so that
     * Content-Length still tells the size a GET would get (RFC 9110 §9.3.2). The file is closed either way.
     *
     * @param sent counts the body's bytes as they go, so that the access log can tell how many left, however the
     *             response ended
     */
    void writeTo(OutputStream out, boolean withBody, BytesSent sent) throws IOException {
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n");
        for (HeaderFields.Field field : fields) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        head.append("\r\n");
        // A generated body has no file to close; try-with-resources skips a null resource.
        try (FileChannel content = file) {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (!withBody) {
                return;
            }
            if (content != null) {
                // Bytes straight from the file: no decoding, so images and any text encoding arrive unchanged.
                InputStream in = Channels.newInputStream(content);
                byte[] piece = new byte[PIECE_BYTES];
                for (int read = in.read(piece); read >= 0; read = in.read(piece)) {
                    out.write(piece, 0, read);
                    sent.add(read);
                }
            } else {
                out.write(body);
                sent.add(body.length);
            }
        }
    }
}
