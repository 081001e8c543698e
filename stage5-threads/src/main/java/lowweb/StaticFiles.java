package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Maps a request-target to a file under the root folder, and refuses everything that would leave it, everything
 * hidden and every file of a type that is not on the list.
 */
final class StaticFiles {

    private final Path root;
    private final String indexFile;
    private final MediaTypes mediaTypes;

    /**
     * @param root       an absolute folder, its real path
     * @param indexFile  the file served for a request that names a folder
     * @param mediaTypes the file types served, with their Content-Type
     */
    StaticFiles(Path root, String indexFile, MediaTypes mediaTypes) {
        this.root = root;
        this.indexFile = indexFile;
        this.mediaTypes = mediaTypes;
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
            file = file.resolve(indexFile);
        }
        if (!Files.isRegularFile(file)) {
            throw new HttpError(Status.NOT_FOUND, "no such file: " + request.line().target());
        }
        Path real = realPathInsideRoot(file);
        // RFC 9110 §15.5.4: the file exists, but the server refuses to send it.
        String type = mediaTypes.of(real).orElseThrow(
                () -> new HttpError(Status.FORBIDDEN, "file type not served: " + request.line().target()));
        return Response.file(Status.OK, open(real), type);
    }

    /**
     * Opens the file before a single byte of the response is sent: once the status line says 200, it cannot be taken
     * back. Opening is also where a file that was there a moment ago turns out to be gone, or unreadable. The file is
     * opened once, by the real path the checks approved, which holds no link; should a link have taken the file's
     * place since, it is not followed. The response is sent from this open file, never from a name looked up again.
     */
    static FileChannel open(Path real) throws HttpError, IOException {
        try {
            return FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new HttpError(Status.NOT_FOUND, "removed before it could be opened: " + real);
        } catch (AccessDeniedException e) {
            // RFC 9110 §15.5.4: the file is there, but the server may not read it, and no request can change that.
            throw new HttpError(Status.FORBIDDEN, "not readable: " + real);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(real)) {
                throw new HttpError(Status.NOT_FOUND, "became a link before it could be opened: " + real);
            }
            throw e;
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
            if (isHidden(segment)) {
                throw new HttpError(Status.NOT_FOUND, "hidden: " + segment);
            }
            path = path.resolve(segment);
        }
        if (!path.normalize().startsWith(root)) {
            throw new HttpError(Status.NOT_FOUND, "outside the root: " + path);
        }
        return path;
    }

    /**
     * Follows symbolic links to the file itself. A link can lead anywhere on the machine, or to a hidden file, and
     * the request's path cannot show it: only the real path can. Such a file is answered like a missing one (404), so
     * the response says nothing about what lies outside the root.
     */
    private Path realPathInsideRoot(Path file) throws HttpError, IOException {
        Path real = file.toRealPath();
        if (!real.startsWith(root)) {
            throw new HttpError(Status.NOT_FOUND, "link leads out of the root: " + file);
        }
        for (Path name : root.relativize(real)) {
            if (isHidden(name.toString())) {
                throw new HttpError(Status.NOT_FOUND, "link leads to a hidden file: " + file);
            }
        }
        return real;
    }

    /**
     * A name starting with a dot is hidden by convention, and such files hold what a site must not show: {@code .git},
     * {@code .env}, {@code .htpasswd}. They are answered like missing files, whatever their type.
     */
    private static boolean isHidden(String name) {
        return name.startsWith(".");
    }
}
