package lowweb;

import java.nio.file.Files;
import java.nio.file.Path;

/** Maps a request-target to a file under the root folder, and refuses everything that would leave it. */
final class StaticFiles {

    private static final String INDEX_FILE = "index.html";

    private final Path root;

    /** @param root an absolute, normalized folder */
    StaticFiles(Path root) {
        this.root = root;
    }

    Response serve(Request request) throws HttpError {
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
        return Response.file(file);
    }

    /**
     * Resolves the path one segment at a time. A segment that could climb out ({@code ..}) or smuggle in a separator
     * is refused outright; the final check is a second line of defence, not the only one.
     */
    private Path resolve(RequestTarget target) throws HttpError {
        Path path = root;
        for (String segment : target.segments()) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
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
