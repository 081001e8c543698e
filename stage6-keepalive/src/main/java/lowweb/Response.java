package lowweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
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

    /**
     * A response that has no content at all, not even an empty one: an interim response such as 100 Continue, which
     * is a status line alone (RFC 9110 §15.2).
     */
    static Response withoutContent(Status status) {
        return new Response(status, List.of(), null, new byte[0]);
    }

    /** Gives back the open file of a response that will not be sent after all. */
    void discard() throws IOException {
        if (file != null) {
            file.close();
        }
    }

    /** The same response with one more header field. */
    Response with(String name, String value) {
        List<HeaderFields.Field> more = new ArrayList<>(fields);
        more.add(new HeaderFields.Field(name, value));
        return new Response(status, more, file, body);
    }

    /** The length of the body, as the Content-Length field announces it; 0 without one. */
    long contentLength() {
        return fields.stream()
                .filter(field -> field.name().equals("Content-Length"))
                .mapToLong(field -> Long.parseLong(field.value()))
                .findFirst()
                .orElse(0);
    }

    /**
     * Writes the response; for a HEAD request without the body, but with the very same header fields, so that
     * Content-Length still tells the size a GET would get (RFC 9110 §9.3.2). A file's bytes go from the file to the
     * socket without passing through the Java heap, so a large file costs no more memory than a small one. The file
     * is closed either way.
     *
     * @param out    the buffered stream for the head and generated bodies
     * @param socket the same connection as a channel, for the file's bytes
     * @param sent   counts the body's bytes as they go, so that the access log can tell how many left, however the
     *               response ended
     */
    void writeTo(OutputStream out, WritableByteChannel socket, boolean withBody, BytesSent sent) throws IOException {
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
                out.flush();
            } else if (content != null) {
                // The head must be on its way before file bytes that bypass the stream's buffer.
                out.flush();
                transferFile(content, socket, sent);
            } else {
                out.write(body);
                out.flush();
                sent.add(body.length);
            }
        }
    }

    /**
     * Sends exactly the announced Content-Length. {@code FileChannel.transferTo} lets the kernel copy from the file
     * to the socket ({@code sendfile} on Linux): no Java buffer, no copy through user space. If the file shrinks
     * while it is sent, the promised length can no longer be kept and the connection must end; if it grows, the
     * client still gets the length it was told.
     */
    private void transferFile(FileChannel content, WritableByteChannel socket, BytesSent sent) throws IOException {
        long length = contentLength();
        long done = 0;
        while (done < length) {
            long now = content.transferTo(done, length - done, socket);
            if (now == 0 && done >= content.size()) {
                throw new IOException("file shrank while it was sent");
            }
            done += now;
            sent.add(now);
        }
    }
}
