package lowweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * What the server sends back: a status line, an empty header section for now, and a body. Without a Content-Length
 * the body ends where the connection ends (RFC 9112 §6.3, rule 8), so this stage closes after every response.
 *
 * @param status the status
 * @param file   the file whose bytes are the body, already open, or null for a generated body
 * @param text   the generated body when there is no file
 */
public record Response(Status status, FileChannel file, String text) {

    /** @param file a file opened before anything is sent, see {@link StaticFiles} */
    static Response file(FileChannel file) {
        return new Response(Status.OK, file, null);
    }

    /** A short plain body that says what went wrong, for a person looking at the raw response. */
    static Response error(Status status) {
        return new Response(status, null, status + "\n");
    }

    /** Writes the response, and closes the file whether or not all its bytes could be sent. */
    void writeTo(OutputStream out) throws IOException {
        // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF, then an empty line.
        String head = "HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n\r\n";
        // A generated body has no file to close; try-with-resources skips a null resource.
        try (FileChannel content = file) {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (content != null) {
                // Bytes straight from the file: no decoding, so images and any text encoding arrive unchanged.
                Channels.newInputStream(content).transferTo(out);
            } else {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
