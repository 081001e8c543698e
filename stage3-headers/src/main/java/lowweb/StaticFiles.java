package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Maps a request-target to a file under the root folder, and refuses everything that would leave it. */
final class StaticFiles {

    private static final String INDEX_FILE = "index.html";

    private final Path root;

    /** @param root an absolute, normalized folder */
    StaticFiles(Path root) {
        this.root = root;
    }

    Response serve(Request request) throws HttpError, IOException {
        requireReadMethod(request.line().method());
        RequestTarget target = RequestTarget.parse(request.line().target());
        Path file = resolve(target);
        if (target.folder() && !Files.isDirectory(file)) {
            // A path ending in "/" names a folder (RFC 3986 §3.3); "/hello.txt/" names no file.
            throw new HttpError(Status.NOT_FOUND, "not a folder: " + request.line().target());
        }
        if (Files.isDirectory(file)) {
            file = file.resolve(INDEX_FILE);
        }
        if (!Files.isRegularFile(file)) {
            throw new HttpError(Status.NOT_FOUND, "no such file: " + request.line().target());
        }
        return Response.file(open(file), MediaTypes.of(file));
    }

    /**
     * Opens the file before a single byte of the response is sent: once the status line says 200, it cannot be taken
     * back. Opening is also where a file that was there a moment ago turns out to be gone, or unreadable.
     */
    private static FileChannel open(Path file) throws HttpError, IOException {
        try {
            return FileChannel.open(file);
        } catch (NoSuchFileException e) {
            throw new HttpError(Status.NOT_FOUND, "removed before it could be opened: " + file);
        } catch (AccessDeniedException e) {
            // RFC 9110 §15.5.4: the file is there, but the server may not read it, and no request can change that.
            throw new HttpError(Status.FORBIDDEN, "not readable: " + file);
        }
    }

    /**
     * A file can only be read: GET and HEAD (RFC 9110 §9.3). Other methods this server knows of are not allowed here
     * (405); a method it has never heard of is not implemented at all (501, RFC 9110 §15.6.2).
     */
    private static void requireReadMethod(String method) throws HttpError {
        switch (method) {
            case "GET", "HEAD" -> {
            }
            case "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT" ->
                    throw new HttpError(Status.METHOD_NOT_ALLOWED, method + " is not allowed on a static file");
            default -> throw new HttpError(Status.NOT_IMPLEMENTED, "unknown method " + method);
        }
    }

    /**
     * Resolves the path one segment at a time. A segment that could climb out ({@code ..}) or smuggle in a separator
     * is refused outright; the final check is a second line of defence, not the only one.
     */
    private Path resolve(RequestTarget target) throws HttpError {
        Path path = root;
        for (String segment : target.segments()) {
            if (segment.equals("..") || segment.contains("/") || segment.contains("\\")) {
                throw new HttpError(Status.BAD_REQUEST, "path segment not allowed: " + segment);
            }
            path = path.resolve(segment);
        }
        if (!path.normalize().startsWith(root)) {
            throw new HttpError(Status.NOT_FOUND, "outside the root: " + path);
        }
        return path;
    }
}
