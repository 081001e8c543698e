package lowweb;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

/**
 * The listening socket and the accept loop. One client at a time: the next client waits in the operating system's
 * backlog until the current one has gone. Stage 5 lifts that limit.
 */
public final class Server implements Closeable {

    private static final int BACKLOG = 50;

    private final ServerSocket listener;
    private final StaticFiles files;
    private final ErrorPages errorPages;
    private final int maxRequestBytes;

    private Server(ServerSocket listener, StaticFiles files, ErrorPages errorPages, int maxRequestBytes) {
        this.listener = listener;
        this.files = files;
        this.errorPages = errorPages;
        this.maxRequestBytes = maxRequestBytes;
    }

    public static Server bind(Settings settings) throws IOException {
        InetAddress host = InetAddress.getByName(settings.host());
        // The real path: symbolic links in the root's own path are resolved once, so later checks compare like with like.
        Path root = settings.root().toRealPath();
        StaticFiles files = new StaticFiles(root, settings.indexFile(), new MediaTypes(settings.mimeTypes()));
        return new Server(new ServerSocket(settings.port(), BACKLOG, host), files, new ErrorPages(root),
                settings.maxRequestBytes());
    }

    /** Where clients reach this server, as printed on the first line of output. */
    public String address() {
        return "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort() + "/";
    }

    public void serve() throws IOException {
        while (!listener.isClosed()) {
            Socket client = listener.accept();
            new Connection(client, files, errorPages, maxRequestBytes).handle();
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
