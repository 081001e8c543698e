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
            respond(in).writeTo(out);
            out.flush();
            closeGracefully(in);
        } catch (EOFException | SocketTimeoutException e) {
            // The client went away or stayed silent: there is nobody to answer.
        } catch (IOException e) {
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        }
    }

    private Response respond(InputStream in) throws IOException {
        try {
            Request request = Request.read(in);
            return files.serve(request);
        } catch (HttpError e) {
            return Response.error(e.status());
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
