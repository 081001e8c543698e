package lowweb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The listening socket and the accept loop. Every connection is served on a virtual thread of its own, so a slow or
 * silent client holds only its own thread, never the server. A virtual thread costs a few kilobytes instead of a
 * platform thread's megabyte of stack, and blocking in it frees the processor for others: thousands of clients can
 * wait at once while the code stays a plain read-then-write sequence.
 */
public final class Server {

    /** Connections the operating system may hold for us while the accept loop is busy. */
    private static final int BACKLOG = 1024;
    /** How long the accept loop waits after accept() failed, before it tries again. */
    private static final Duration ACCEPT_PAUSE = Duration.ofMillis(100);
    /** How long a shutdown waits for the responses under way before it cuts them off. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final ServerSocketChannel listener;
    private final Settings settings;
    private final StaticFiles files;
    private final ErrorPages errorPages;
    private final AccessLog log;
    private final Semaphore connections;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Deadlines deadlines = new Deadlines();

    private Server(ServerSocketChannel listener, Settings settings, StaticFiles files, ErrorPages errorPages, AccessLog log) {
        this.listener = listener;
        this.settings = settings;
        this.files = files;
        this.errorPages = errorPages;
        this.log = log;
        this.connections = new Semaphore(settings.maxConnections());
    }

    /** Opens the access log and the listening socket; the exception's message says which failed and why. */
    public static Server bind(Settings settings) throws IOException {
        InetAddress host = InetAddress.getByName(settings.host());
        // The real path: symbolic links in the root's own path are resolved once, so later checks compare like with like.
        Path root = settings.root().toRealPath();
        StaticFiles files = new StaticFiles(root, settings.indexFile(), new MediaTypes(settings.mimeTypes()),
                new CacheControl(settings.cacheControl()), settings.directoryListing());
        AccessLog log = AccessLog.open(settings.accessLog());
        ServerSocketChannel listener = ServerSocketChannel.open();
        try {
            // A restarted server can take its port back at once, while old connections still linger in TIME_WAIT.
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (settings.reusePort()) {
                // Java offers it on Linux and macOS. Elsewhere, starting without it would leave the operator's
                // other instances refused with a message that does not say why.
                if (!listener.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                    throw new IOException("reusePort is true, but this system has no SO_REUSEPORT");
                }
                listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            listener.bind(new InetSocketAddress(host, settings.port()), BACKLOG);
        } catch (IOException e) {
            listener.close();
            log.close();
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
        return new Server(listener, settings, files, new ErrorPages(root), log);
    }

    /** Where clients reach this server, as printed on the first line of output. */
    public String address() {
        InetSocketAddress bound = (InetSocketAddress) listener.socket().getLocalSocketAddress();
        return "http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort() + "/";
    }

    /**
     * Accepts connections until {@link #shutDown} closes the listening socket. The accept loop runs on a virtual thread
     * of its own, and the calling thread waits for it. On a platform thread the loop would race ahead of the
     * connections it starts: with one core, the scheduler's one carrier thread keeps taking new connections from the
     * loop's queue as long as there are any, while the connections that only wait to see their client close wait
     * behind them, each holding its socket, its memory and its place under {@code maxConnections}. A virtual accept
     * loop takes its turns on the carrier like the connections, so that new connections and closing ones alternate.
     */
    public void serve() throws InterruptedException {
        deadlines.start();
        Thread.ofVirtual().name("accept").start(this::acceptConnections).join();
    }

    private void acceptConnections() {
        while (listener.isOpen()) {
            SocketChannel client = null;
            try {
                client = listener.accept();
                prepare(client, settings);
                dispatch(client);
            } catch (IOException | RuntimeException | Error e) {
                if (client != null) {
                    closeQuietly(client);
                }
                // A client that reset its connection right after accept() only takes its connection with it. Too
                // many open files, an OutOfMemoryError or a bug are trouble that may last: ending the loop would end
                // the server for every client, and a pause keeps the loop from filling the log meanwhile.
                if (listener.isOpen() && (client == null || !(e instanceof IOException))) {
                    System.err.println("accept: " + (e instanceof IOException ? e.getMessage() : e)
                            + "; trying again in " + ACCEPT_PAUSE.toMillis() + " ms");
                    pause();
                }
            }
        }
    }

    /** Sets the options of a connection just accepted, before anything is read from it or sent on it. */
    static void prepare(SocketChannel client, Settings settings) throws IOException {
        // A response is written in two parts, the head and then the file. Nagle's algorithm would hold back the
        // second part's last packet until the client acknowledged the first, and clients delay acknowledgements: up
        // to 40 ms lost on every response of a persistent connection.
        client.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (settings.sendBufferBytes() > 0) {
            client.setOption(StandardSocketOptions.SO_SNDBUF, settings.sendBufferBytes());
        }
    }

    /** Hands the connection to a thread of its own, or refuses it when {@code maxConnections} are being served. */
    private void dispatch(SocketChannel client) throws IOException {
        Connection connection = new Connection(client, settings, files, errorPages, log, deadlines,
                threads::isShutdown);
        if (!connections.tryAcquire()) {
            // RFC 9110 §15.6.4: too busy for now. Refusing costs a thread for a moment, but refusing on this
            // thread would let one client that never reads stop the accept loop.
            threads.execute(() -> loggingTheUnexpected(client, () -> connection.refuse(Status.SERVICE_UNAVAILABLE)));
            return;
        }
        try {
            threads.execute(() -> {
                try {
                    loggingTheUnexpected(client, connection::handle);
                } finally {
                    connections.release();
                }
            });
        } catch (RuntimeException | Error e) {
            // No thread started, so none will give the place back.
            connections.release();
            throw e;
        }
    }

    /**
     * Runs a connection's work on its thread. A failure nobody expected (a bug, an OutOfMemoryError) ends that
     * connection with one line in the log, where a thread's own handler would print a page of stack trace.
     */
    private static void loggingTheUnexpected(SocketChannel client, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            System.err.println("connection " + client.socket().getRemoteSocketAddress() + ": unexpected " + e);
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // Already broken; closing it was all that was left to do.
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops gracefully: no new connections, the responses under way finish (for a while at most, since a client
     * that stopped reading would otherwise hold the shutdown forever), and the access log keeps every line.
     */
    public void shutDown() {
        try {
            listener.close();
        } catch (IOException e) {
            System.err.println("shutdown: " + e.getMessage());
        }
        threads.shutdown();
        try {
            if (!threads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("shutdown: connections still open after " + SHUTDOWN_GRACE.toSeconds()
                        + " s are cut off");
                // Interrupting a virtual thread that waits on a socket closes the socket.
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            // Only now: the connections cut off above needed their deadlines until the last moment.
            deadlines.stop();
            log.close();
        }
    }
}
