package lowweb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request's body ends (RFC 9112 §6). A file server has no use for a body, but on a persistent connection it
 * must still know exactly where the body ends, because the next request starts right after it: a server that guessed
 * wrong would read body bytes as a request, which is how "request smuggling" attacks work.
 */
final class RequestBody {

    /** The three ways a request body can be framed. */
    sealed interface Framing {
    }

    /** RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no body. */
    record None() implements Framing {
    }

    /** A body of exactly this many bytes. */
    record Length(long bytes) implements Framing {
    }

    /** A body in chunks, each preceded by its size, ending with a chunk of size 0 and a trailer section (§7.1). */
    record Chunked() implements Framing {
    }

    /** RFC 9110 §8.6: Content-Length = 1*DIGIT; eighteen digits already make an exabyte. */
    private static final int MAX_LENGTH_DIGITS = 18;
    /** RFC 9112 §7.1: chunk-size = 1*HEXDIG; fifteen hex digits already make an exabyte. */
    private static final int MAX_CHUNK_SIZE_DIGITS = 15;
    /** Chunk-size lines are short; a longer one is an attack on memory, not a chunk. */
    private static final int MAX_CHUNK_LINE = 1024;

    private RequestBody() {
    }

    /**
     * How the request says its body is framed. Every ambiguity is a 400, and the connection must then be closed:
     * the server cannot know where the next request would begin.
     */
    static Framing framing(Request request) throws HttpError {
        List<String> codings = elements(request, "Transfer-Encoding");
        List<String> lengths = elements(request, "Content-Length");
        if (!codings.isEmpty()) {
            return chunked(request, codings, lengths);
        }
        if (lengths.isEmpty()) {
            return new None();
        }
        // Several values are allowed only if they are all the same (RFC 9110 §8.6), e.g. "5, 5" from a proxy.
        if (!lengths.stream().allMatch(RequestBody::isContentLength)
                || lengths.stream().distinct().count() > 1) {
            throw new HttpError(Status.BAD_REQUEST, "invalid Content-Length: " + lengths);
        }
        return new Length(Long.parseLong(lengths.getFirst()));
    }

    private static Framing chunked(Request request, List<String> codings, List<String> lengths)
            throws HttpError {
        if (request.line().version().equals("HTTP/1.0")) {
            // RFC 9112 §6.1: HTTP/1.0 has no Transfer-Encoding; a 1.0 message with one was likely forged on the way.
            throw new HttpError(Status.BAD_REQUEST, "Transfer-Encoding in an HTTP/1.0 request");
        }
        if (!lengths.isEmpty()) {
            // RFC 9112 §6.3: both framings at once is the classic smuggling request; never pick one of them.
            throw new HttpError(Status.BAD_REQUEST, "both Transfer-Encoding and Content-Length");
        }
        if (!codings.getLast().equalsIgnoreCase("chunked")
                || codings.stream().filter(coding -> coding.equalsIgnoreCase("chunked")).count() > 1) {
            // RFC 9112 §6.3: unless chunked comes last, and once, the body has no knowable end.
            throw new HttpError(Status.BAD_REQUEST, "chunked must be the last transfer coding, once: " + codings);
        }
        if (codings.size() > 1) {
            // RFC 9112 §6.1: gzip, deflate and the like are codings this server does not implement.
            throw new HttpError(Status.NOT_IMPLEMENTED, "transfer coding not implemented: " + codings);
        }
        return new Chunked();
    }

    /**
     * The elements of every field line of that name (RFC 9110 §5.6.1). A line without any, such as an empty
     * {@code Transfer-Encoding:} or {@code Content-Length: ,}, is a 400. A list drops empty elements, so here such a
     * line would vanish, and the message be framed by the other field or have no body; another program on the way
     * may refuse the line, or frame the same bytes differently. RFC 9112 §6.3: a Transfer-Encoding without chunked
     * last, and a Content-Length that is not a number (RFC 9110 §8.6), leave the end of the body unknown.
     */
    private static List<String> elements(Request request, String name) throws HttpError {
        List<String> elements = new ArrayList<>();
        for (String value : request.fields().values(name)) {
            List<String> line = FieldSyntax.list(value);
            if (line.isEmpty()) {
                throw new HttpError(Status.BAD_REQUEST, name + " without a value: \"" + value + "\"");
            }
            elements.addAll(line);
        }
        return elements;
    }

    private static boolean isContentLength(String text) {
        return !text.isEmpty() && text.length() <= MAX_LENGTH_DIGITS && FieldSyntax.isDigits(text, 0, text.length());
    }

    /**
     * Reads the body and throws it away. A body longer than {@code maxBodyBytes} gets 413 (RFC 9110 §15.5.14): reading
     * it all only to discard it would let any client keep the server busy for as long as it likes. Content-Length
     * tells before a single byte is read; a chunked body is refused as soon as its chunks add up to too much.
     *
     * @param maxBodyBytes    the most bytes of body the server reads
     * @param maxTrailerBytes the most bytes of a trailer section, as for a request head
     * @throws HttpError 408 when the content stops arriving before the deadline the caller set: the request
     *                   began and was not finished in time
     */
    static void discard(Framing framing, InputStream in, int maxBodyBytes, int maxTrailerBytes)
            throws IOException, HttpError {
        try {
            switch (framing) {
                case None none -> {
                }
                case Length(long bytes) -> {
                    requireAtMost(bytes, maxBodyBytes);
                    in.skipNBytes(bytes);
                }
                case Chunked chunked -> discardChunks(in, maxBodyBytes, maxTrailerBytes);
            }
        } catch (SocketTimeoutException e) {
            // RFC 9110 §15.5.9: the request began, and its content did not all arrive in the time the server waits.
            throw new HttpError(Status.REQUEST_TIMEOUT, "request content incomplete when its time was up");
        }
    }

    private static void requireAtMost(long bodyBytes, int maxBodyBytes) throws HttpError {
        if (bodyBytes > maxBodyBytes) {
            throw new HttpError(Status.CONTENT_TOO_LARGE, "request body longer than " + maxBodyBytes + " bytes");
        }
    }

    private static void discardChunks(InputStream in, int maxBodyBytes, int maxTrailerBytes)
            throws IOException, HttpError {
        long bodyBytes = 0;
        long size;
        do {
            size = chunkSize(chunkLine(in));
            bodyBytes += size;
            requireAtMost(bodyBytes, maxBodyBytes);
            in.skipNBytes(size);
            if (size > 0 && !chunkLine(in).isEmpty()) {
                throw new HttpError(Status.BAD_REQUEST, "chunk data longer than its chunk-size");
            }
        } while (size > 0);
        // RFC 9112 §7.1.2: trailer fields, like header fields, end with an empty line; they are read and dropped.
        int trailerBytes = 0;
        for (String field = chunkLine(in); !field.isEmpty(); field = chunkLine(in)) {
            trailerBytes += field.length() + 2;
            if (trailerBytes > maxTrailerBytes) {
                throw new HttpError(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer section too large");
            }
        }
    }

    /**
     * RFC 9112 §7.1: the chunk-size that starts the line, in hex, then optional white space before any chunk
     * extension. Extensions (";name=value") mean nothing to this server; RFC 9112 §7.1.1 says to ignore them.
     */
    private static long chunkSize(String line) throws HttpError {
        int digits = 0;
        while (digits < line.length() && FieldSyntax.isHexDigit(line.charAt(digits))) {
            digits++;
        }
        int rest = FieldSyntax.afterWhitespace(line, digits);
        if (digits == 0 || digits > MAX_CHUNK_SIZE_DIGITS || rest < line.length() && line.charAt(rest) != ';') {
            throw new HttpError(Status.BAD_REQUEST, "malformed chunk-size line");
        }
        return Long.parseLong(line, 0, digits, 16);
    }

    /**
     * One line of the chunked framing. Unlike in the head, a bare LF is refused: the framing is where two readers
     * that disagree about a line's end disagree about where the next request starts.
     */
    private static String chunkLine(InputStream in) throws IOException, HttpError {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("client closed the connection inside a chunked body");
            }
            if (b == '\r' && in.read() == '\n') {
                return line.toString();
            }
            if (b == '\r' || b == '\n' || line.length() == MAX_CHUNK_LINE) {
                throw new HttpError(Status.BAD_REQUEST, "malformed line in a chunked body");
            }
            line.append((char) b);
        }
    }
}
