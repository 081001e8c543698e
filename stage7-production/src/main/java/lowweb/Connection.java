package lowweb;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    /** RFC 9110 §10.2.4: names the software; no version number, which would only help attackers pick exploits. */
    private static final String SERVER_NAME = "lowweb";

    private final SocketChannel channel;
    private final Socket socket;
    private final Settings settings;
    private final StaticFiles files;
    private final ErrorPages errorPages;
    private final AccessLog log;
    private final Deadlines deadlines;
    private final BooleanSupplier stopping;
    /** When the request being served began: the connection's start, then the first byte of each next request. */
    private Instant requestStarted = Instant.now();
    private DeadlineInput input;
    private InputStream in;
    private SendTimeout out;

    /** @param stopping whether the server is shutting down, so that no further request is waited for */
    Connection(SocketChannel channel, Settings settings, StaticFiles files, ErrorPages errorPages, AccessLog log,
               Deadlines deadlines, BooleanSupplier stopping) {
        this.channel = channel;
        this.socket = channel.socket();
        this.settings = settings;
        this.files = files;
        this.errorPages = errorPages;
        this.log = log;
        this.deadlines = deadlines;
        this.stopping = stopping;
    }

    /** Serves requests until one side ends the connection, a limit is reached or the client goes quiet. */
    void handle() {
        try (channel) {
            open();
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
        }
    }

    /**
     * Reads one request, skips its body and answers it.
     *
     * @param last whether this is the last request this connection may carry
     * @return whether the connection persists after this response
     */
    private boolean exchange(boolean last) throws IOException {
        String requestLine = null;
        Request request;
        try {
            List<String> head = new HeadReader(in, settings.maxRequestBytes(), settings.maxHeaderCount()).readLines();
            requestLine = head.isEmpty() ? null : head.getFirst();
            request = Request.parse(head);
            // The body gets a fresh deadline of the same length as the head's.
            input.expireIn(settings.headerTimeout());
            RequestBody.discard(RequestBody.framing(request), in, settings.maxBodyBytes(), settings.maxRequestBytes());
        } catch (HttpError e) {
            // RFC 9112 §9.6 and §6.3: after a malformed message the server cannot tell where the next request would
            // start, so it answers and closes.
            send(errorPages.responseFor(e.status()), true, requestLine, false);
            return false;
        }
        boolean persist = request.wantsPersistence() && !last && !stopping.getAsBoolean();
        Response response;
        try {
            response = files.serve(request);
        } catch (HttpError e) {
            // A well-formed request for the wrong thing (404, 403, 405): the connection is as good as before.
            response = errorPages.responseFor(e.status());
        }
        send(response, !request.isHead(), requestLine, persist);
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
        in.mark(1);
        try {
            if (in.read() < 0) {
                return false;
            }
        } catch (SocketTimeoutException e) {
            return false;
        }
        in.reset();
        requestStarted = Instant.now();
        input.expireIn(settings.headerTimeout());
        return true;
    }

    /** Answers with an error, without reading the request: the server is too busy to serve this connection. */
    void refuse(Status status) {
        try (channel) {
            open();
            send(errorPages.responseFor(status), true, null, false);
            closeGracefully();
        } catch (IOException e) {
            // The refused client is gone already; nothing is lost.
        }
    }

    private void open() throws IOException {
        input = new DeadlineInput(socket, deadlines);
        in = new BufferedInputStream(input);
        out = new SendTimeout(channel, settings.sendTimeout(), deadlines);
    }

    /** Sends the response and logs it; the line is written even when the client leaves halfway through the body. */
    private void send(Response response, boolean withBody, String requestLine, boolean persist) throws IOException {
        Response complete = withConnectionFields(response, persist);
        try {
            complete.writeTo(out, channel, withBody);
        } finally {
            log.record(socket.getInetAddress(), requestStarted, requestLine, response.status(),
                    withBody ? complete.contentLength() : 0);
        }
    }

    /**
     * Fields about this message rather than the file: when it was made (RFC 9110 §6.6.1), by what server, and
     * whether the connection stays open after it (RFC 9112 §9.3, §9.6). "keep-alive" is what an HTTP/1.0 client
     * needs to hear; an HTTP/1.1 client would assume it, and saying it costs nothing.
     *
     * <p>{@code X-Content-Type-Options: nosniff} (WHATWG Fetch, "X-Content-Type-Options") on every response, error
     * pages and redirects included: a browser must take the Content-Type as it is and not guess another from the
     * bytes. A text file that someone uploaded to the site can then never run as a script or a style sheet, whatever
     * it holds.
     */
    private static Response withConnectionFields(Response response, boolean persist) {
        return response
                .with("Date", CurrentDate.value())
                .with("Server", SERVER_NAME)
                .with("Connection", persist ? "keep-alive" : "close")
                .with("X-Content-Type-Options", "nosniff");
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
