package lowweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** Puts responses on the wire: the head, then the body. */
final class ResponseWriter {

    private final OutputStream out;

    /** @param out the connection, buffered: the head and the body leave together where they fit */
    ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes the response, and closes its file whether or not every byte could be sent. */
    void write(Response response) throws IOException {
        Status status = response.status();
        try {
            // RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ] CRLF, then an empty line.
            String head = "HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            switch (response.body()) {
                case Body.Bytes(byte[] bytes) -> out.write(bytes);
                // Bytes straight from the file: no decoding, so images and any text encoding arrive unchanged.
                case Body.FileRegion(FileChannel file, long offset, long length) ->
                        Channels.newInputStream(file.position(offset)).transferTo(out);
            }
            out.flush();
        } finally {
            response.discard();
        }
    }
}
