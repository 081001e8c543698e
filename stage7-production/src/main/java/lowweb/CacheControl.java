package lowweb;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The Cache-Control value (RFC 9111 §5.2) each file type is sent with, as the operator chose it: how long a browser or
 * a proxy may reuse its copy before it asks again. The server only passes the value on; caches do the work.
 */
final class CacheControl {

    /** The key whose value serves every extension without one of its own. */
    static final String ANY_EXTENSION = "*";

    private final Map<String, String> byExtension;

    /** @param byExtension the value by lower-case extension without the dot, and {@code *} for the rest */
    CacheControl(Map<String, String> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /** The value for the file, or nothing: then no Cache-Control is sent, and caches use their own heuristics. */
    Optional<String> of(Path file) {
        String value = byExtension.get(MediaTypes.extension(file));
        return Optional.ofNullable(value != null ? value : byExtension.get(ANY_EXTENSION));
    }
}
