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

    /** The Content-Type of every error page, built-in or the site's own. */
    static final String HTML = "text/html; charset=utf-8";

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
            return builtIn(status);
        }
        Path page = root.resolve(status.code() + ".html");
        try {
            // The same rules as for every file: a link that leads out of the root is not followed, and the page is
            // sent from the file that was checked.
            if (Files.isRegularFile(page)) {
                Path real = page.toRealPath();
                if (real.startsWith(root)) {
                    return Response.file(status, OpenFile.open(real).channel(), HTML);
                }
            }
        } catch (HttpError | IOException e) {
            // The page vanished or cannot be read: the built-in page still tells the client what happened.
        }
        return builtIn(status);
    }

    /** A small HTML page that names the status, so a browser shows something readable. */
    static Response builtIn(Status status) {
        Response response = Html.page(status, status.toString(), "<h1>" + status + "</h1>\n");
        // RFC 9110 §15.5.6: a 405 response must list the methods the resource does support.
        return status == Status.METHOD_NOT_ALLOWED ? response.with("Allow", "GET, HEAD") : response;
    }
}
