package lowweb;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One client's connection: read one request, send one response, close. Every failure ends this connection only; the
 * server goes on with the next client.
 */
final class Connection {

    /** One client at a time: a client that sends nothing must not hold the server forever. */
    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** How long to keep reading (and discarding) after the response, see {@link #closeGracefully}. */
    private static final int LINGER_MILLIS = 1_000;
    private static final int LINGER_BYTES = 1 << 20;

    private final Socket socket;
    private final StaticFiles files;

    Connection(Socket socket, StaticFiles files) {
        this.socket = socket;
        this.files = files;
    }

    void handle() {
        try (socket) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            new ResponseWriter(out).write(respond(in));
            closeGracefully(in);
        } catch (EOFException | SocketTimeoutException e) {
            // The client went away or stayed silent: there is nobody to answer.
        } catch (IOException e) {
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            // A bug while reading or writing: this connection ends, the server goes on with the next client.
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e);
        }
    }

    private Response respond(InputStream in) throws IOException {
        try {
            return serve(Request.read(in));
        } catch (HttpError e) {
            return Response.error(e.status());
        }
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
            return Response.error(Status.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * Closes in two steps (RFC 9112 §9.6): first our sending side, then, after reading what the client still sends,
     * the socket. Closing a socket with unread bytes makes the kernel send a reset, and a reset can destroy the
     * response before the client has read it.
     */
    private void closeGracefully(InputStream in) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(LINGER_MILLIS);
        long discarded = 0;
        while (discarded < LINGER_BYTES && in.read() >= 0) {
            discarded++;
        }
    }
}
