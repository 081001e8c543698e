package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
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
     * A file's bytes as the body: with 200 for the file asked for, or with an error status for an error page.
     *
     * @param file        a file opened before anything is sent, see {@link OpenFile}: all of it is the body
     * @param contentType the file's media type
     */
    static Response file(Status status, FileChannel file, String contentType) throws IOException {
        return new Response(status, List.of(), new Body.FileRegion(file, 0, file.size()))
                .with("Content-Type", contentType);
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
