package lowweb;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Cache-Control value (RFC 9111 §5.2) each file type is sent with, as the operator chose it: how long a browser or
 * a proxy may reuse its copy before it asks again. The server only passes the value on; caches do the work.
 */
final class CacheControl {

    /** The key whose value serves every extension without one of its own. */
    static final String ANY_EXTENSION = "*";
    /** The settings file's keys: an extension as {@link MediaTypes#EXTENSION} has it, or {@code *}. */
    static final Setting.Rule EXTENSION = new Setting.Rule(MediaTypes.EXTENSION.expected() + ", or \"*\"",
            key -> key.equals(ANY_EXTENSION) || MediaTypes.EXTENSION.allows(key));
    /**
     * RFC 9111 §5.2: Cache-Control = #( token [ "=" ( token / quoted-string ) ] ), such as {@code max-age=3600} or
     * {@code public, max-age=60}. Like a media type, it goes into a header field as it is written in the settings.
     */
    private static final String DIRECTIVE =
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+(=([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"[ !#-\\[\\]-~]*\"))?";
    static final Setting.Rule DIRECTIVES = new Setting.Rule(
            "cache directives such as \"no-cache\" or \"public, max-age=3600\" (RFC 9111 §5.2)",
            Pattern.compile(DIRECTIVE + "( *, *" + DIRECTIVE + ")*").asMatchPredicate());

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
