package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server sends back: a status, the header fields that describe this response's content, and a body. A
 * value: it says what to send, {@link ResponseWriter} decides the rest of the head and sends it.
 *
 * @param status the status
 * @param fields the fields about the content, such as Content-Type, in the order they are sent
 * @param body   the bytes after the head
 */
public record Response(Status status, List<HeaderFields.Field> fields, Body body) {

    public Response {
        fields = List.copyOf(fields);
    }

    /**
     * @param file        a file opened before anything is sent, see {@link StaticFiles}: all of it is the body
     * @param contentType the file's media type
     */
    static Response file(FileChannel file, String contentType) throws IOException {
        return new Response(Status.OK, List.of(), new Body.FileRegion(file, 0, file.size()))
                .with("Content-Type", contentType);
    }

    /** A small HTML page that names the status, so a browser shows something readable. */
    static Response error(Status status) {
        byte[] page = ("<!doctype html>\n<title>" + status + "</title>\n<h1>" + status + "</h1>\n")
                .getBytes(StandardCharsets.UTF_8);
        Response response = new Response(status, List.of(), new Body.Bytes(page))
                .with("Content-Type", "text/html; charset=utf-8");
        // RFC 9110 §15.5.6: a 405 response must list the methods the resource does support.
        return status == Status.METHOD_NOT_ALLOWED ? response.with("Allow", "GET, HEAD") : response;
    }

    /** The same response with one more header field. */
    Response with(String name, String value) {
        List<HeaderFields.Field> more = new ArrayList<>(fields);
        more.add(new HeaderFields.Field(name, value));
        return new Response(status, more, body);
    }

    /** Gives back the open file of a response, once it is sent or when it will not be sent after all. */
    void discard() throws IOException {
        if (body instanceof Body.FileRegion region) {
            region.file().close();
        }
    }
}
