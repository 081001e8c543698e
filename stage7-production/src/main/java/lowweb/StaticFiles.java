package lowweb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
    private final RepresentationCache recent = new RepresentationCache();

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
        String key = RepresentationCache.key(request);
        Representation found = recent.get(key);
        if (found != null) {
            if (found.content() != null) {
                return answer(request, found, null);
            }
            OpenFile again = openAgain(found);
            if (again != null) {
                return answerFrom(again, request, found);
            }
        }
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
        try {
            found = Representation.of(opened, choice.file(), type, choice.coding(), choice.varies(),
                    cacheControl.of(real));
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        recent.put(key, found);
        if (found.content() != null) {
            opened.close();
            return answer(request, found, null);
        }
        return answerFrom(opened, request, found);
    }

    /**
     * A file found a moment ago and sent from the disk is opened again for every request, and must still be the file
     * that was found: a file replaced, or a folder on its way replaced by a link, since then is found anew, with every
     * check. Null when it is no longer the same.
     */
    private static OpenFile openAgain(Representation found) throws IOException {
        OpenFile again;
        try {
            again = OpenFile.open(found.file());
        } catch (HttpError e) {
            return null;
        }
        if (again.isStill(found.attributes())) {
            return again;
        }
        again.close();
        return null;
    }

    /** Answers from the open file, and closes it unless the response is to send it. */
    private static Response answerFrom(OpenFile opened, Request request, Representation representation)
            throws HttpError, IOException {
        Response response;
        try {
            response = answer(request, representation, opened.channel());
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
     * RFC 9110 §13.2.2, in its order: a file that is no longer the version the client means gets 412; a current copy
     * gets 304; then a Range gets its part of the file, but only with GET (RFC 9110 §14.2) and only if If-Range still
     * names this version of the file; everything else gets the whole file. Every step looks at the file as this
     * response describes it, so that what is compared is what is sent.
     *
     * @param opened the file, open, when its bytes are not held in memory; null when they are
     */
    private static Response answer(Request request, Representation found, FileChannel opened) throws HttpError {
        Representation representation = found.asOf(Instant.now());
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
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
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
