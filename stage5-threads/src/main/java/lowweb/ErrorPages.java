package lowweb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The page sent with an error status. A site may bring its own {@code 403.html}, {@code 404.html} and
 * {@code 500.html}, styled like the rest of the site, for the errors its visitors meet; without them, and for every
 * other status, the server sends a small page of its own.
 */
final class ErrorPages {

    private final Path root;

    /** @param root the real path of the folder served */
    ErrorPages(Path root) {
        this.root = root;
    }

    /**
     * The response for an error. It keeps the error status even when the body is the site's page: a 404 sent as 200
     * would tell search engines and scripts that the missing page exists (RFC 9110 §15.5.5).
     */
    Response responseFor(Status status) {
        if (status != Status.FORBIDDEN && status != Status.NOT_FOUND && status != Status.INTERNAL_SERVER_ERROR) {
            return Response.error(status);
        }
        Path page = root.resolve(status.code() + ".html");
        try {
            // The same rules as for every file: a link that leads out of the root is not followed, and the page is
            // sent from the file that was checked.
            if (Files.isRegularFile(page)) {
                Path real = page.toRealPath();
                if (real.startsWith(root)) {
                    return Response.file(status, StaticFiles.open(real), Response.HTML);
                }
            }
        } catch (HttpError | IOException e) {
            // The page vanished or cannot be read: the built-in page still tells the client what happened.
        }
        return Response.error(status);
    }
}
