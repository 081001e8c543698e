package lowweb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One client's connection: read one request, send one response, log it, close. Every connection runs on a thread of
 * its own, and every failure ends this connection only; the other clients never notice.
 */
final class Connection {

    /** How long to keep reading (and discarding) after the response, see {@link #closeGracefully}. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final int LINGER_BYTES = 1 << 20;

    private final Socket socket;
    private final Settings settings;
    private final StaticFiles files;
    private final ErrorPages errorPages;
    private final AccessLog log;
    private final Instant accepted = Instant.now();
    private DeadlineInput input;
    private InputStream in;
    private ResponseWriter out;

    Connection(Socket socket, Settings settings, StaticFiles files, ErrorPages errorPages, AccessLog log) {
        this.socket = socket;
        this.settings = settings;
        this.files = files;
        this.errorPages = errorPages;
        this.log = log;
    }

    /** Serves the connection's one request. */
    void handle() {
        try (socket) {
            open();
            // The whole head must arrive within the time-out, however the client spreads its bytes.
            input.expireIn(settings.headerTimeout());
            String requestLine = null;
            Request request = null;
            Response response;
            try {
                List<String> head = new HeadReader(in, settings.maxRequestBytes()).readLines();
                requestLine = head.isEmpty() ? null : head.getFirst();
                request = Request.parse(head);
                response = serve(request);
            } catch (HttpError e) {
                response = errorPages.responseFor(e.status());
            }
            send(response, request == null || !request.isHead(), requestLine);
            closeGracefully();
        } catch (EOFException | SocketTimeoutException e) {
            // The client went away or stayed silent: there is nobody to answer.
        } catch (IOException e) {
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A bug while reading or writing: this connection ends, the server goes on with the next client.
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e);
        }
    }

    /** Answers with an error, without reading the request: the server is too busy to serve this connection. */
    void refuse(Status status) {
        try (socket) {
            open();
            send(errorPages.responseFor(status), true, null);
            closeGracefully();
        } catch (IOException e) {
            // The refused client is gone already; nothing is lost.
        }
    }

    private void open() throws IOException {
        input = new DeadlineInput(socket);
        in = new BufferedInputStream(input);
        out = new ResponseWriter(new BufferedOutputStream(socket.getOutputStream()));
    }

    /**
     * The response for a well-formed request. A failure that is not the client's doing (the file system failed, too
     * many files are open, or this server has a bug) still gets an answer, 500 (RFC 9110 §15.6.1), and the operator
     * one line that says what happened; nothing but this connection is affected.
     */
    private Response serve(Request request) throws HttpError {
        try {
            return files.serve(request);
        } catch (IOException | RuntimeException e) {
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": 500 for "
                    + request.line().target() + ": " + e);
            return errorPages.responseFor(Status.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * Sends the response and logs it; the line is written even when the client leaves halfway through the body, with
     * the bytes that did go out.
     */
    private void send(Response response, boolean withBody, String requestLine) throws IOException {
        try {
            out.write(response, withBody);
        } finally {
            log.record(socket.getInetAddress(), accepted, requestLine, response.status(), out.bodyBytesSent());
        }
    }

    /**
     * Closes in two steps (RFC 9112 §9.6): first our sending side, then, after reading what the client still sends,
     * the socket. Closing a socket with unread bytes makes the kernel send a reset, and a reset can destroy the
     * response before the client has read it.
     */
    private void closeGracefully() throws IOException {
        socket.shutdownOutput();
        input.expireIn(LINGER);
        long discarded = 0;
        while (discarded < LINGER_BYTES && in.read() >= 0) {
            discarded++;
        }
    }
}
