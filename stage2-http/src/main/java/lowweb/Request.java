package lowweb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A parsed request head. This server serves files, so it never needs a request body.
 *
 * @param line   the request line
 * @param fields the header fields
 */
public record Request(RequestLine line, HeaderFields fields) {

    /**
     * Reads and parses one request head from the connection.
     *
     * @throws EOFException when the client went away before sending a whole head
     * @throws HttpError    when the head is malformed
     */
    static Request read(InputStream in) throws IOException, HttpError {
        List<String> lines = new HeadReader(in).readLines();
        if (lines.isEmpty()) {
            throw new HttpError(Status.BAD_REQUEST, "empty request");
        }
        RequestLine line = RequestLine.parse(lines.getFirst());
        HeaderFields fields = HeaderFields.parse(lines.subList(1, lines.size()));
        return new Request(line, fields);
    }
}
