package lowweb;

import java.nio.channels.FileChannel;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The file chosen to answer a request, with what describes it (RFC 9110 §3.2, §8): the plain file or a copy of it
 * compressed ahead of time, its type, its validators and how long caches may keep it.
 *
 * @param contentType   the type of the original file, whatever the coding (RFC 9110 §8.3)
 * @param contentCoding the coding of the bytes, such as {@code gzip}; nothing for the plain file
 * @param length        the size of the file sent in bytes: {@code style.css} or {@code style.css.gz}
 * @param lastModified  when the file last changed, to the second an HTTP-date can carry
 * @param tag           the file's entity tag
 * @param varies        whether a compressed copy exists, so the answer depends on Accept-Encoding
 * @param cacheControl  the Cache-Control value for the original file's type, if the operator set one
 */
record Representation(String contentType, Optional<String> contentCoding, long length, Instant lastModified,
                      EntityTag tag, boolean varies, Optional<String> cacheControl) {

    /**
     * Describes an open file by its size and modification time as they were when it was opened, so every field
     * describes the same moment, and the bytes sent are the bytes described.
     */
    static Representation of(OpenFile opened, String contentType, Optional<String> contentCoding, boolean varies,
                             Optional<String> cacheControl) {
        BasicFileAttributes attributes = opened.attributes();
        Instant modified = attributes.lastModifiedTime().toInstant();
        return new Representation(contentType, contentCoding, attributes.size(), HttpDate.precision(modified),
                EntityTag.of(attributes.size(), modified, contentCoding), varies, cacheControl);
    }

    /**
     * RFC 9110 §13.2.2, in its order: a file that is no longer the version the client means gets 412; a current copy
     * gets 304; then a Range gets its part of the file, but only with GET (RFC 9110 §14.2) and only if If-Range still
     * names this version of the file; everything else gets the whole file. Every step looks at the file as this
     * response describes it, so that what is compared is what is sent.
     *
     * @param opened the open file, whose bytes a 200 or a 206 sends
     */
    Response answer(Request request, FileChannel opened) throws HttpError {
        Representation representation = asOf(Instant.now());
        if (Preconditions.failed(request, representation)) {
            // RFC 9110 §15.5.13: an error page, never the bytes of a version the client did not mean, such as the
            // rest of a download whose start came from a file that has changed since.
            throw new HttpError(Status.PRECONDITION_FAILED, "precondition failed: " + request.line().target());
        }
        if (Preconditions.notModified(request, representation)) {
            return representation.notModified();
        }
        List<String> range = request.fields().values("Range");
        if (!request.line().method().equals("GET") || range.size() != 1
                || !Preconditions.rangeStillApplies(request, representation)) {
            return representation.whole(opened);
        }
        try {
            Optional<ByteRange> part = ByteRange.parse(range.getFirst(), representation.length());
            return part.map(one -> representation.part(one, opened)).orElseGet(() -> representation.whole(opened));
        } catch (HttpError e) {
            // Not an error page alone: RFC 9110 §15.5.17 asks for the length the range missed.
            return representation.rangeNotSatisfiable();
        }
    }

    /** 200 with all the bytes of the open file. */
    Response whole(FileChannel opened) {
        return describe(content(Status.OK, new Body.FileRegion(opened, 0, length)));
    }

    /** RFC 9110 §15.3.7: 206 with the bytes of one range, and where they lie in the whole. */
    Response part(ByteRange range, FileChannel opened) {
        return describe(content(Status.PARTIAL_CONTENT, new Body.FileRegion(opened, range.first(), range.length())))
                .with("Content-Range", range.contentRange(length));
    }

    /**
     * RFC 9110 §15.4.5: 304 says "your copy is still good" and carries no content. It repeats the fields a 200 would
     * have carried that caches update their stored copy with (ETag, Last-Modified, Cache-Control, Vary), and leaves
     * out Content-Type and Content-Length, which would describe a body that is not there.
     */
    Response notModified() {
        return validators(new Response(Status.NOT_MODIFIED, List.of(), new Body.None()));
    }

    /** RFC 9110 §15.5.17: 416, with the length of the representation so the client can ask again within it. */
    Response rangeNotSatisfiable() {
        return ErrorPages.builtIn(Status.RANGE_NOT_SATISFIABLE)
                .with("Content-Range", ByteRange.unsatisfiedRange(length));
    }

    /**
     * The representation as a response sent at {@code now} describes it. RFC 9110 §8.8.2.1: an origin server must not
     * send a Last-Modified later than the Date of its response, and must send the Date instead. A file's time can lie
     * in the future (a clock set wrong, an unpacked archive, {@code touch -d}); a client that kept that date would
     * send it back in If-Modified-Since, and a real change made before it would never be seen: "not modified". Done
     * for every response, not once when the file is found, since every response has a Date of its own; the
     * preconditions then compare the date that is sent. The ETag stays as it is: it only names this version.
     */
    Representation asOf(Instant now) {
        Instant date = HttpDate.precision(now);
        if (!lastModified.isAfter(date)) {
            return this;
        }
        return new Representation(contentType, contentCoding, length, date, tag, varies, cacheControl);
    }

    /** A response with some of the file's bytes, and their type. */
    private Response content(Status status, Body body) {
        return new Response(status, List.of(), body).with("Content-Type", contentType);
    }

    /** The fields of a response with content: validators and caching, the coding, and that ranges are welcome. */
    private Response describe(Response response) {
        Response described = validators(response).with("Accept-Ranges", "bytes");
        return contentCoding.map(coding -> described.with("Content-Encoding", coding)).orElse(described);
    }

    private Response validators(Response response) {
        Response described = response
                .with("ETag", tag.toString())
                .with("Last-Modified", HttpDate.format(lastModified));
        if (cacheControl.isPresent()) {
            described = described.with("Cache-Control", cacheControl.get());
        }
        // RFC 9110 §12.5.5: a cache must not hand the gzip copy to a client that asked without Accept-Encoding.
        return varies ? described.with("Vary", "Accept-Encoding") : described;
    }
}
