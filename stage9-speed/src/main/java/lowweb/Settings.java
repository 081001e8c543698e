package lowweb;

import static lowweb.Setting.bool;
import static lowweb.Setting.byExtension;
import static lowweb.Setting.file;
import static lowweb.Setting.folder;
import static lowweb.Setting.milliseconds;
import static lowweb.Setting.text;
import static lowweb.Setting.wholeNumber;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything an operator chooses about the server, already checked: a settings file that fails a check never becomes
 * a {@code Settings}, so the server cannot start half-configured.
 *
 * <p>Each setting is described once, below: its key, its default, its check and the words of its error message. The
 * keys a settings file may use, the defaults and the reading of the file all follow from these descriptions, so a new
 * setting is a description and an accessor. The values are kept by key, and only {@link #with} puts one in, always of
 * its setting's type; so the accessors can trust what they find, and the server reads {@code settings.port()} as if
 * each setting were a field.
 */
public final class Settings {

    /** Every setting, in the order of the descriptions below; each one adds itself, so this list comes first. */
    private static final List<Setting<?>> KNOWN = new ArrayList<>();

    /** The address to listen on: the loopback interface by default, so a lesson never exposes a half-built server. */
    static final Setting<String> HOST = known(text("host", "127.0.0.1",
            "an IP address or host name such as \"127.0.0.1\"", name -> !name.isBlank()));
    /** The TCP port; 0 lets the operating system choose a free one. */
    static final Setting<Integer> PORT = known(wholeNumber("port", 8080, 0, 65535));
    /** The folder whose files are served. */
    static final Setting<Path> ROOT = known(folder("root", Path.of("shared-site")));
    /** The file served for a request that names a folder, such as {@code /docs/}. */
    static final Setting<String> INDEX_FILE = known(text("indexFile", "index.html",
            "a file name such as \"index.html\", without a folder and not starting with \".\"",
            name -> !name.isEmpty() && !name.startsWith(".") && !name.matches(".*[/\\\\].*")));
    /**
     * The most bytes of a request head the server reads: request line and header fields, with every line ending and
     * the empty line that ends the head. 8 KiB is enough for any real browser request.
     */
    static final Setting<Integer> MAX_REQUEST_BYTES =
            known(wholeNumber("maxRequestBytes", 8192, 1, Integer.MAX_VALUE));
    /** Content-Type by lower-case file extension; files of any other type are refused with 403. */
    static final Setting<Map<String, String>> MIME_TYPES = known(byExtension("mimeTypes", MediaTypes.COMMON, 1,
            "an object with at least one extension and its Content-Type, such as"
                    + " {\"html\": \"text/html; charset=utf-8\"}",
            MediaTypes.EXTENSION, MediaTypes.TYPE));
    /**
     * The most connections served at once; one more is refused with 503. Twenty thousand: a busy site's browsers may
     * hold ten thousand keep-alive connections idle between clicks, and the server must still have room for the
     * clients it is serving meanwhile. A waiting connection costs some 3 KB (a virtual thread and a small buffer),
     * so twenty thousand fit in the heap of jvm.options. A million is far more than one process can keep open: the
     * limit only catches a typo such as an extra zero or two.
     */
    static final Setting<Integer> MAX_CONNECTIONS = known(wholeNumber("maxConnections", 20_000, 1, 1_000_000));
    /**
     * How long a client may take to send its whole request head, counted from the connection's start; a client that
     * is slower gets 408. Ten seconds is generous for a head that a browser sends in one packet.
     */
    static final Setting<Duration> HEADER_TIMEOUT = known(milliseconds("headerTimeoutMs", Duration.ofSeconds(10)));
    /** The file that gets one line per request. */
    static final Setting<Path> ACCESS_LOG = known(file("accessLog", Path.of("logs", "access.log")));
    /**
     * How long a persistent connection may stay idle between requests before it is closed. Five seconds keep a
     * connection for the next click on a page's resources without holding sockets for visitors who have left.
     */
    static final Setting<Duration> KEEP_ALIVE_TIMEOUT =
            known(milliseconds("keepAliveTimeoutMs", Duration.ofSeconds(5)));
    /**
     * The most requests served on one connection; the last response closes it. A thousand spread long benchmarks
     * over fresh connections.
     */
    static final Setting<Integer> MAX_REQUESTS_PER_CONNECTION =
            known(wholeNumber("maxRequestsPerConnection", 1000, 1, Integer.MAX_VALUE));
    /** The most header field lines in a request head; one more gets 431. Browsers send 10 to 20. */
    static final Setting<Integer> MAX_HEADER_COUNT = known(wholeNumber("maxHeaderCount", 100, 1, Integer.MAX_VALUE));
    /**
     * The most bytes of a request body the server reads (and throws away); a longer body gets 413. A static site has
     * no use for a body: 1 MiB still lets a form post reach a 405 with its connection intact.
     */
    static final Setting<Integer> MAX_BODY_BYTES = known(wholeNumber("maxBodyBytes", 1 << 20, 0, Integer.MAX_VALUE));
    /**
     * How long one write may wait for a client that takes no bytes before the connection is closed. Thirty seconds
     * without a byte taken is far beyond a slow mobile link, and short enough that stalled clients do not pile up.
     */
    static final Setting<Duration> SEND_TIMEOUT = known(milliseconds("sendTimeoutMs", Duration.ofSeconds(30)));
    /** Whether a folder without an index file gets a list of its files instead of 404; only if the operator says so. */
    static final Setting<Boolean> DIRECTORY_LISTING = known(bool("directoryListing", false));
    /**
     * Whether other servers may listen on the same host and port (SO_REUSEPORT): several instances, one per core,
     * then share the port, and Linux spreads new connections among them. Off by default, so that a second server
     * started by mistake is refused ("Address already in use") instead of quietly taking part of the clients.
     */
    static final Setting<Boolean> REUSE_PORT = known(bool("reusePort", false));
    /**
     * The send buffer of each connection in bytes (SO_SNDBUF), or 0 to let the system size it, as it does by
     * default: Linux grows a connection's buffer with what the connection carries, up to 4 MB. A fixed size caps
     * what one connection carries in one round trip: 256 KB (512 KB in Linux, which doubles it) served a 1.2 MB file
     * 60 % faster over loopback, but carries only some 5 MB a second to a client 100 ms away. README.md, step 9.9,
     * says why.
     */
    static final Setting<Integer> SEND_BUFFER_BYTES = known(wholeNumber("sendBufferBytes", 0, 0, 64 * 1024 * 1024));
    /**
     * The Cache-Control value by lower-case file extension, {@code *} for every other one; none by default, since
     * how long a copy stays fresh depends on how the site is deployed, which only the operator knows.
     */
    static final Setting<Map<String, String>> CACHE_CONTROL = known(byExtension("cacheControl", Map.of(), 0,
            "an object with extensions, or \"*\" for all others, and their Cache-Control, such as"
                    + " {\"html\": \"no-cache\", \"*\": \"max-age=3600\"}",
            CacheControl.EXTENSION, CacheControl.DIRECTIVES));

    /** What a server without a settings file uses, and what a settings file gets for every key it leaves out. */
    static final Settings DEFAULTS = new Settings(KNOWN.stream()
            .collect(Collectors.toMap(Setting::key, setting -> (Object) setting.defaultValue())));

    private final Map<String, Object> values;

    private Settings(Map<String, Object> values) {
        this.values = Map.copyOf(values);
    }

    public String host() {
        return value(HOST);
    }

    public int port() {
        return value(PORT);
    }

    public Path root() {
        return value(ROOT);
    }

    public String indexFile() {
        return value(INDEX_FILE);
    }

    public int maxRequestBytes() {
        return value(MAX_REQUEST_BYTES);
    }

    public Map<String, String> mimeTypes() {
        return value(MIME_TYPES);
    }

    public int maxConnections() {
        return value(MAX_CONNECTIONS);
    }

    public Duration headerTimeout() {
        return value(HEADER_TIMEOUT);
    }

    public Path accessLog() {
        return value(ACCESS_LOG);
    }

    public Duration keepAliveTimeout() {
        return value(KEEP_ALIVE_TIMEOUT);
    }

    public int maxRequestsPerConnection() {
        return value(MAX_REQUESTS_PER_CONNECTION);
    }

    public int maxHeaderCount() {
        return value(MAX_HEADER_COUNT);
    }

    public int maxBodyBytes() {
        return value(MAX_BODY_BYTES);
    }

    public Duration sendTimeout() {
        return value(SEND_TIMEOUT);
    }

    public boolean directoryListing() {
        return value(DIRECTORY_LISTING);
    }

    public boolean reusePort() {
        return value(REUSE_PORT);
    }

    public int sendBufferBytes() {
        return value(SEND_BUFFER_BYTES);
    }

    public Map<String, String> cacheControl() {
        return value(CACHE_CONTROL);
    }

    /** Every setting a settings file may give, in the order they are described. */
    static List<Setting<?>> all() {
        return Collections.unmodifiableList(KNOWN);
    }

    /** The same settings with one value replaced: by the settings file's value, or by a flag's. */
    <T> Settings with(Setting<T> setting, T value) {
        Map<String, Object> changed = new HashMap<>(values);
        changed.put(setting.key(), value);
        return new Settings(changed);
    }

    @SuppressWarnings("unchecked") // only with() puts a value in, and only a T for a Setting<T>
    private <T> T value(Setting<T> setting) {
        return (T) values.get(setting.key());
    }

    private static <T> Setting<T> known(Setting<T> setting) {
        KNOWN.add(setting);
        return setting;
    }
}
