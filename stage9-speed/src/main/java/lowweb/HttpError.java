package lowweb;

/**
 * A request the server cannot serve, with the status that says why. Parsing and file lookup throw it; the connection
 * turns it into a response, so no other code decides status codes.
 */
public final class HttpError extends Exception {

    private final Status status;

    public HttpError(Status status, String message) {
        // No stack trace: this is an answer to a client, not a bug in the server.
        super(message, null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
