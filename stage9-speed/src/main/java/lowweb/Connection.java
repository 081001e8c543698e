package lowweb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * One client's connection: requests and responses, one after the other, for as long as both sides want the
 * connection to persist (RFC 9112 §9.3). Every connection runs on a thread of its own, and every failure ends this
 * connection only; the other clients never notice.
 */
final class Connection {

    /** How long to keep reading (and discarding) after the last response, see {@link #closeGracefully}. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final int LINGER_BYTES = 1 << 20;

    private final SocketChannel channel;
    private final Socket socket;
    private final Settings settings;
    private final StaticFiles files;
    private final ErrorPages errorPages;
    private final AccessLog log;
    private final BooleanSupplier stopping;
    /** When the request being served began: the connection's start, then the first byte of each next request. */
    private Instant requestStarted = Instant.now();
    private final DeadlineInput input;
    private final RequestInput in;
    private final ResponseWriter out;

    /** @param stopping whether the server is shutting down, so that no further request is waited for */
    Connection(SocketChannel channel, Settings settings, StaticFiles files, ErrorPages errorPages, AccessLog log,
               Deadlines deadlines, BooleanSupplier stopping) throws IOException {
        this.channel = channel;
        this.socket = channel.socket();
        this.settings = settings;
        this.files = files;
        this.errorPages = errorPages;
        this.log = log;
        this.stopping = stopping;
        input = new DeadlineInput(socket, deadlines);
        in = new RequestInput(input);
        out = new ResponseWriter(new DeadlineOutput(channel, settings.sendTimeout(), deadlines), channel);
    }

    /** Serves requests until one side ends the connection, a limit is reached or the client goes quiet. */
    void handle() {
        try (channel) {
            // The first head must arrive within the time-out, however the client spreads its bytes.
            input.expireIn(settings.headerTimeout());
            int served = 0;
            boolean persist;
            do {
                served++;
                persist = exchange(served == settings.maxRequestsPerConnection()) && awaitNextRequest();
            } while (persist);
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

    /**
     * Reads one request, skips its body and answers it.
     *
     * @param last whether this is the last request this connection may carry
     * @return whether the connection persists after this response
     */
    private boolean exchange(boolean last) throws IOException {
        HeadReader reader = new HeadReader(in, settings.maxRequestBytes(), settings.maxHeaderCount());
        Request request;
        try {
            request = Request.parse(reader.readLines());
            RequestBody.Framing framing = RequestBody.framing(request);
            Expectation expectation = Expectation.of(request, framing);
            if (expectation == Expectation.CONTINUE) {
                // The head alone decides the answer: a client that waits with its content must hear a refusal before
                // it sends the content (RFC 9110 §10.1.1).
                Response early = responseTo(request);
                if (expectation.refusesBeforeContent(early)) {
                    // The content may follow or not, so where the next request would start is unknown.
                    send(early, reader.requestLine(), false);
                    return false;
                }
                // Anything else is answered after the content, when the file is found again: its open file goes back.
                early.discard();
            }
            // The body gets a fresh deadline of the same length as the head's. A client that expects 100-continue is
            // asked for it (RFC 9110 §15.2.1); the interim response has no place in the access log.
            input.expireIn(settings.headerTimeout());
            InputStream content = expectation.content(in, () -> out.writeInterim(Status.CONTINUE));
            RequestBody.discard(framing, content, settings.maxBodyBytes(), settings.maxRequestBytes());
        } catch (HttpError e) {
            // RFC 9112 §9.6 and §6.3: after a malformed message the server cannot tell where the next request would
            // start, so it answers and closes. The same goes for an expectation it cannot meet (417): the content,
            // if any, is still unread. A HEAD gets the error's head alone, like any other answer to it: its request
            // line was read, even when the rest of the head was not.
            send(errorPages.responseFor(e.status()), reader.requestLine(), false);
            return false;
        }
        boolean persist = request.wantsPersistence() && !last && !stopping.getAsBoolean();
        send(responseTo(request), reader.requestLine(), persist);
        return persist;
    }

    /**
     * Waits for the first byte of the next request, at most the keep-alive time-out, without taking it from the
     * stream. A pipelining client (RFC 9112 §9.3.2) has sent it long ago, and it is already in the buffer.
     *
     * @return false when the client closed the connection or stayed idle: then the connection ends without a word
     */
    private boolean awaitNextRequest() throws IOException {
        input.expireIn(settings.keepAliveTimeout());
        try {
            if (!in.awaitByte()) {
                return false;
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
        requestStarted = Instant.now();
        input.expireIn(settings.headerTimeout());
        return true;
    }

    /** Answers with an error, without reading the request: the server is too busy to serve this connection. */
    void refuse(Status status) {
        try (channel) {
            send(errorPages.responseFor(status), null, false);
            closeGracefully();
        } catch (IOException e) {
            // The refused client is gone already; nothing is lost.
        }
    }

    /**
     * The answer to a well-formed request: the file asked for, or the page for the wrong thing (404, 403, 405, 501),
     * after which the connection is as good as before. A failure that is not the client's doing (the file system
     * failed, too many files are open, or this server has a bug) still gets an answer, 500 (RFC 9110 §15.6.1), and
     * the operator one line that says what happened; nothing but this connection is affected.
     */
    private Response responseTo(Request request) {
        try {
            return files.serve(request);
        } catch (HttpError e) {
            return errorPages.responseFor(e.status());
        } catch (IOException | RuntimeException e) {
            System.err.println("connection " + socket.getRemoteSocketAddress() + ": 500 for "
                    + request.line().target() + ": " + e);
            return errorPages.responseFor(Status.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * Sends the response and logs it; the line is written even when the client leaves halfway through the body, with
     * the bytes that did go out. Whether the body goes out is the request line's to say: a HEAD gets none, whatever
     * the answer (see {@link Request#isHead}).
     *
     * @param requestLine the request line as it was read, or null when none came whole
     */
    private void send(Response response, String requestLine, boolean persist) throws IOException {
        try {
            out.write(response, !Request.isHead(requestLine), persist);
        } finally {
            log.record(socket.getInetAddress(), requestStarted, requestLine, response.status(), out.bodyBytesSent());
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
