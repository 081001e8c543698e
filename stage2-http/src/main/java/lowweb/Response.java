package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the server sends back: a status and a body. A value: it says what to send, {@link ResponseWriter} sends it.
 * This stage has no header fields yet; without a Content-Length the body ends where the connection ends (RFC 9112
 * §6.3, rule 8), so the server closes after every response.
 */
public record Response(Status status, Body body) {

    /** @param file a file opened before anything is sent, see {@link StaticFiles}: all of it is the body */
    static Response file(FileChannel file) throws IOException {
        return new Response(Status.OK, new Body.FileRegion(file, 0, file.size()));
    }

    /** A short plain body that says what went wrong, for a person looking at the raw response. */
    static Response error(Status status) {
        return new Response(status, new Body.Bytes((status + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Gives back the open file of a response, once it is sent or when it will not be sent after all. */
    void discard() throws IOException {
        if (body instanceof Body.FileRegion region) {
            region.file().close();
        }
    }
}
