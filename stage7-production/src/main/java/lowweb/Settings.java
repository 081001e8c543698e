package lowweb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything an operator chooses about the server, already checked: a settings file that fails a check never becomes
 * a {@code Settings}, so the server cannot start half-configured.
 *
 * @param host            the address to listen on
 * @param port            the TCP port; 0 lets the operating system choose a free one
 * @param root            the folder whose files are served
 * @param indexFile       the file served for a request that names a folder, such as {@code /docs/}
 * @param maxRequestBytes the most bytes of a request head the server reads: request line and header fields, with
 *                        every line ending and the empty line that ends the head
 * @param mimeTypes       Content-Type by lower-case file extension; files of any other type are refused with 403
 * @param maxConnections  the most connections served at once; one more is refused with 503
 * @param headerTimeout   how long a client may take to send its whole request head, counted from the connection's
 *                        start; a client that is slower gets 408
 * @param accessLog       the file that gets one line per request
 * @param keepAliveTimeout how long a persistent connection may stay idle between requests before it is closed
 * @param maxRequestsPerConnection the most requests served on one connection; the last response closes it
 * @param maxHeaderCount  the most header field lines in a request head; one more gets 431
 * @param maxBodyBytes    the most bytes of a request body the server reads (and throws away); a longer body gets 413
 * @param sendTimeout     how long one write may wait for a client that takes no bytes before the connection is closed
 * @param directoryListing whether a folder without an index file gets a list of its files instead of 404
 * @param cacheControl    the Cache-Control value by lower-case file extension, {@code *} for every other one; empty
 *                        for none at all
 */
public record Settings(String host, int port, Path root, String indexFile, int maxRequestBytes,
                       Map<String, String> mimeTypes, int maxConnections, Duration headerTimeout, Path accessLog,
                       Duration keepAliveTimeout, int maxRequestsPerConnection, int maxHeaderCount,
                       int maxBodyBytes, Duration sendTimeout, boolean directoryListing,
                       Map<String, String> cacheControl) {

    /**
     * What a server without a settings file uses, and what a settings file gets for every key it leaves out. Only the
     * loopback interface, so a lesson never exposes a half-built server; 8 KiB of head is enough for any real
     * browser request. Ten thousand connections cost little with virtual threads (a few kilobytes each) and stay
     * below the usual limit of open files; ten seconds is generous for a head that a browser sends in one packet.
     * Five idle seconds keep a connection for the next click on a page's resources without holding sockets for
     * visitors who have left; a thousand requests per connection spread long benchmarks over fresh connections.
     * Browsers send 10 to 20 header fields, so 100 leave room for any real client. A static site has no use for a
     * request body: 1 MiB still lets a form post reach a 405 with its connection intact. Thirty seconds without a
     * single byte taken is far beyond a slow mobile link, and short enough that stalled clients do not pile up.
     * No listings: a folder's files are shown only when the operator decides they may be. No Cache-Control: how long
     * a copy stays fresh depends on how the site is deployed, which only the operator knows.
     */
    static final Settings DEFAULTS = new Settings("127.0.0.1", 8080, Path.of("shared-site"), "index.html", 8192,
            MediaTypes.COMMON, 10_000, Duration.ofSeconds(10), Path.of("logs", "access.log"), Duration.ofSeconds(5),
            1000, 100, 1 << 20, Duration.ofSeconds(30), false, Map.of());

    public Settings {
        mimeTypes = Map.copyOf(mimeTypes);
        cacheControl = Map.copyOf(cacheControl);
    }

    /** The same settings with the values given on the command line; flags win over the settings file. */
    Settings with(String host, int port, Path root) {
        return new Settings(host, port, root, indexFile, maxRequestBytes, mimeTypes, maxConnections, headerTimeout,
                accessLog, keepAliveTimeout, maxRequestsPerConnection, maxHeaderCount, maxBodyBytes, sendTimeout,
                directoryListing, cacheControl);
    }
}
