package lowweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps a request-target to a file under the root folder, and refuses everything that would leave it, everything
 * hidden and every file of a type that is not on the list. Then answers with what the request's header fields ask
 * of the file: all of it, a part of it, a compressed copy of it, or only word that the client's copy is current.
 */
final class StaticFiles {

    private final Path root;
    private final String indexFile;
    private final MediaTypes mediaTypes;
    private final CacheControl cacheControl;
    private final boolean directoryListing;

    /**
     * @param root             an absolute folder, its real path
     * @param indexFile        the file served for a request that names a folder
     * @param mediaTypes       the file types served, with their Content-Type
     * @param cacheControl     the Cache-Control value of each file type
     * @param directoryListing whether a folder without an index file gets a list of its files instead of 404
     */
    StaticFiles(Path root, String indexFile, MediaTypes mediaTypes, CacheControl cacheControl,
                boolean directoryListing) {
        this.root = root;
        this.indexFile = indexFile;
        this.mediaTypes = mediaTypes;
        this.cacheControl = cacheControl;
        this.directoryListing = directoryListing;
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
            Path folder = realPathInsideRoot(file);
            if (!target.folder()) {
                // Relative links in the folder's page resolve against the path up to its last slash (RFC 3986
                // §5.2.3): served at /docs, a page's "style.css" would be fetched as /style.css.
                return Html.movedPermanently(target.folderLocation());
            }
            file = folder.resolve(indexFile);
            if (directoryListing && !Files.exists(file)) {
                return DirectoryListing.of(folder, target, this::isServable);
            }
        }
        if (!Files.isRegularFile(file)) {
            throw new HttpError(Status.NOT_FOUND, "no such file: " + request.line().target());
        }
        Path real = realPathInsideRoot(file);
        // RFC 9110 §15.5.4: the file exists, but the server refuses to send it.
        String type = mediaTypes.of(real).orElseThrow(
                () -> new HttpError(Status.FORBIDDEN, "file type not served: " + request.line().target()));
        PrecompressedFiles.Choice choice = PrecompressedFiles.choose(real, request.fields());
        OpenFile opened = OpenFile.open(choice.file());
        return answerFrom(opened, request, Representation.of(opened, type, choice.coding(), choice.varies(),
                cacheControl.of(real)));
    }

    /** Answers from the open file, and closes it unless the response is to send it. */
    private static Response answerFrom(OpenFile opened, Request request, Representation representation)
            throws HttpError, IOException {
        Response response;
        try {
            response = representation.answer(request, opened.channel());
        } catch (HttpError | RuntimeException e) {
            opened.close();
            throw e;
        }
        if (!(response.body() instanceof Body.FileRegion region && region.file() == opened.channel())) {
            // A 304 or a 416 sends none of the file's bytes.
            opened.close();
        }
        return response;
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

    /** What a listing may show: what a request for it would get, a folder or a file of a type served. */
    private boolean isServable(Path entry) {
        try {
            if (isHidden(entry.getFileName().toString())) {
                return false;
            }
            Path real = realPathInsideRoot(entry);
            return Files.isDirectory(real) || Files.isRegularFile(real) && mediaTypes.of(real).isPresent();
        } catch (HttpError | IOException e) {
            return false;
        }
    }

    /**
     * A name starting with a dot is hidden by convention, and such files hold what a site must not show: {@code .git},
     * {@code .env}, {@code .htpasswd}. They are answered like missing files, whatever their type.
     */
    private static boolean isHidden(String name) {
        return name.startsWith(".");
    }
}
