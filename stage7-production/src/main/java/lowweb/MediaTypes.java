package lowweb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Content-Type by file extension (RFC 9110 §8.3), and with it the list of file types the server serves at all. Text
 * types name their charset: the site is UTF-8, and without the parameter a browser may guess another encoding and
 * garble non-ASCII text.
 */
final class MediaTypes {

    /** The types of an ordinary website, used when the settings file does not list its own. */
    static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"));

    private final Map<String, String> byExtension;

    /** @param byExtension Content-Type by lower-case extension, without the dot */
    MediaTypes(Map<String, String> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /**
     * The file's Content-Type, or nothing when its type is not on the list. A list of what may be served rather than
     * of what may not: a file nobody thought of, such as a backup, a key or a database, stays private.
     */
    Optional<String> of(Path file) {
        return Optional.ofNullable(byExtension.get(extension(file)));
    }

    /** The file name's extension in lower case, without the dot; empty for a name without one. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
