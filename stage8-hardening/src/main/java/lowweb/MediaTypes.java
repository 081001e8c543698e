package lowweb;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** An extension as it ends a file name, without the dot; the settings file's keys for file types. */
    static final Setting.Rule EXTENSION = new Setting.Rule("extensions without the dot, such as \"html\"",
            Pattern.compile("[0-9A-Za-z_+-]+").asMatchPredicate());
    /**
     * RFC 9110 §8.3.1: type "/" subtype, then parameters. Visible ASCII only: the value goes into a header field, and
     * a line break in it would let the settings file write header fields of its own.
     */
    static final Setting.Rule TYPE = new Setting.Rule("a media type such as \"text/plain; charset=utf-8\"",
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+( *;[ -~]*)?").asMatchPredicate());

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
