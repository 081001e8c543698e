package lowweb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the server sends back: a status line, header fields, and a body taken from a file or generated.
 *
 * @param status the status
 * @param fields the header fields, in the order they are sent
 * @param file   the file whose bytes are the body, already open, or null for a body in memory
 * @param offset where in the file or in {@code body} the body starts: 0, except for a part (RFC 9110 §15.3.7)
 * @param body   the body when there is no file: generated, or the bytes of a small file, all of which or a part
 *               of which is sent
 */
public record Response(Status status, List<HeaderFields.Field> fields, FileChannel file, long offset, byte[] body) {

    /** The Content-Type of every error page, built-in or the site's own. */
    static final String HTML = "text/html; charset=utf-8";
    /**
     * Files up to this size are held in memory and leave with their head in one write; larger ones go from the file
     * to the socket with {@code sendfile}, which costs an open, a few system calls and a second segment.
     */
    static final int SMALL_FILE_BYTES = 64 * 1024;
    /** What goes through the waiting write when {@code sendfile} finds the socket full: small, as no progress is. */
    private static final int PIECE_BYTES = 8192;

    public Response {
        fields = List.copyOf(fields);
    }

    /**
     * A file's bytes as the body: with 200 for the file asked for, or with an error status for an error page. A small
     * file is read into memory at once, and closed, so that its head and body leave in one write.
     *
     * @param file a file opened before anything is sent, see {@link OpenFile}; its size now is the length announced
     */
    static Response file(Status status, FileChannel file, String contentType) throws IOException {
        byte[] content = readSmall(file, file.size());
        if (content == null) {
            return filePart(status, file, 0, file.size(), contentType);
        }
        file.close();
        return bytes(status, content, contentType);
    }

    /** {@code length} bytes of a file from {@code offset} on as the body: the whole file, or the part a range asks. */
    static Response filePart(Status status, FileChannel file, long offset, long length, String contentType) {
        return new Response(status, List.of(), file, offset, null)
                .with("Content-Type", contentType)
                .with("Content-Length", Long.toString(length));
    }

    /** Bytes already in memory as the body. */
    static Response bytes(Status status, byte[] content, String contentType) {
        return bytes(status, content, 0, content.length, contentType);
    }

    /** {@code length} bytes in memory from {@code offset} on as the body: a part of a small file, without a copy. */
    static Response bytes(Status status, byte[] content, int offset, int length, String contentType) {
        return new Response(status, List.of(), null, offset, content)
                .with("Content-Type", contentType)
                .with("Content-Length", Integer.toString(length));
    }

    /**
     * All {@code size} bytes of an open file if it has at most {@link #SMALL_FILE_BYTES}, or null: a larger file is
     * sent from the disk. Also null when the file turns out not to have {@code size} bytes: it changed since its size
     * was read, and bytes that do not match the size (and the validators made from it) are not sent from memory.
     */
    static byte[] readSmall(FileChannel file, long size) throws IOException {
        if (size > SMALL_FILE_BYTES) {
            return null;
        }
        // One byte more than the size: a file that grew is seen as such.
        ByteBuffer content = ByteBuffer.allocate((int) size + 1);
        while (content.hasRemaining() && file.read(content, content.position()) > 0) {
            // Positional reads leave the channel's own position at 0, for whoever sends it later.
        }
        return content.position() == size ? Arrays.copyOf(content.array(), (int) size) : null;
    }

    /** A small HTML page that names the status, so a browser shows something readable. */
    static Response error(Status status) {
        Response response = page(status, status.toString(), "<h1>" + status + "</h1>\n");
        // RFC 9110 §15.5.6: a 405 response must list the methods the resource does support.
        return status == Status.METHOD_NOT_ALLOWED ? response.with("Allow", "GET, HEAD") : response;
    }

    /**
     * RFC 9110 §15.4.2: the resource lives at {@code location} from now on. The body is a short note with a link, for
     * the rare client that does not follow the Location field by itself.
     */
    static Response movedPermanently(String location) {
        Status status = Status.MOVED_PERMANENTLY;
        return page(status, status.toString(), "<h1>" + status + "</h1>\n<p><a href=\""
                + Html.escape(location) + "\">" + Html.escape(location) + "</a>\n")
                .with("Location", location);
    }

    /** A generated HTML page: {@code title} is text, {@code content} is HTML that follows it. */
    static Response page(Status status, String title, String content) {
        byte[] page = ("<!doctype html>\n<title>" + Html.escape(title) + "</title>\n" + content)
                .getBytes(StandardCharsets.UTF_8);
        return new Response(status, List.of(), null, 0, page)
                .with("Content-Type", HTML)
                .with("Content-Length", Integer.toString(page.length));
    }

    /**
     * A response that has no content at all, not even an empty one: 304 (RFC 9110 §15.4.5), or an interim response
     * such as 100 Continue, which is a status line alone (RFC 9110 §15.2).
     */
    static Response withoutContent(Status status) {
        return new Response(status, List.of(), null, 0, new byte[0]);
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
        return new Response(status, more, file, offset, body);
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
     * <p>A body in memory leaves with the head in one gathering write ({@code writev}): one system call, and
     * usually one TCP segment, for a whole small response.
     *
     * @param out    the way to the client, which gives up on one that takes no bytes
     * @param socket the same connection as a channel, for {@code sendfile}
     * @param sent   counts the body's bytes as they go, so that the access log can tell how many left, however the
     *               response ended
     */
    void writeTo(SendTimeout out, SocketChannel socket, boolean withBody, BytesSent sent) throws IOException {
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n");
        for (HeaderFields.Field field : fields) {
            head.append(field.name()).append(": ").append(field.value()).append("\r\n");
        }
        head.append("\r\n");
        ByteBuffer headBytes = ByteBuffer.wrap(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        // A body in memory has no file to close; try-with-resources skips a null resource.
        try (FileChannel content = file) {
            if (withBody && body != null) {
                int length = (int) contentLength();
                out.write(headBytes, ByteBuffer.wrap(body, (int) offset, length));
                sent.add(length);
            } else {
                out.write(headBytes);
                if (withBody && content != null) {
                    transferFile(content, out, socket, sent);
                }
            }
        }
    }

    /**
     * Sends exactly the announced Content-Length. {@code FileChannel.transferTo} lets the kernel copy from the file
     * to the socket ({@code sendfile} on Linux): no Java buffer, no copy through user space, and a range starts at
     * its offset without reading what comes before it. If the file shrinks while it is sent, the promised length can
     * no longer be kept and the connection must end; if it grows, the client still gets the length it was told.
     *
     * <p>On a virtual thread the socket is non-blocking underneath, so {@code transferTo} returns 0 when the client's
     * side is full instead of waiting: looping on it would spin a processor for as long as the client does not read.
     * Then one piece goes through {@code out}, whose write waits properly (and for no longer than the send time-out,
     * see {@link SendTimeout}), and the kernel copies again once the client has made room.
     *
     * @param out the way to the client that waits for it, for when the socket is full
     */
    private void transferFile(FileChannel content, SendTimeout out, SocketChannel socket, BytesSent sent)
            throws IOException {
        long length = contentLength();
        long done = 0;
        while (done < length) {
            long now = content.transferTo(offset + done, length - done, socket);
            if (now == 0) {
                now = sendPiece(content, offset + done, (int) Math.min(PIECE_BYTES, length - done), out);
            }
            done += now;
            sent.add(now);
        }
    }

    /** Sends up to {@code count} bytes of the file from {@code position} through {@code out}, waiting as it must. */
    private static long sendPiece(FileChannel content, long position, int count, SendTimeout out) throws IOException {
        ByteBuffer piece = ByteBuffer.allocate(count);
        if (content.read(piece, position) <= 0) {
            throw new IOException("file shrank while it was sent");
        }
        piece.flip();
        out.write(piece);
        return piece.limit();
    }
}
