package lowweb;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads the settings file: one JSON object (RFC 8259) whose keys are the settings, each of them optional. The JSON is
 * read strictly and every key is checked by hand, so that a typo, a comment or a wrong type stops the server with one
 * line saying what to fix, instead of a default silently taking the place of what the operator meant.
 */
final class SettingsFile {

    /** The file read when no {@code --config} is given, if the current folder has one. */
    static final Path DEFAULT_FILE = Path.of("settings.json");

    private static final List<String> KEYS =
            List.of("host", "port", "root", "indexFile", "maxRequestBytes", "mimeTypes", "maxConnections",
                    "headerTimeoutMs", "accessLog", "keepAliveTimeoutMs", "maxRequestsPerConnection",
                    "maxHeaderCount", "maxBodyBytes", "sendTimeoutMs", "directoryListing", "cacheControl");
    /** An extension as it ends a file name, without the dot. */
    private static final Pattern EXTENSION = Pattern.compile("[0-9A-Za-z_+-]+");
    /**
     * RFC 9110 §8.3.1: type "/" subtype, then parameters. Visible ASCII only: the value goes into a header field, and
     * a line break in it would let the settings file write header fields of its own.
     */
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+( *;[ -~]*)?");
    /**
     * RFC 9111 §5.2: Cache-Control = #( token [ "=" ( token / quoted-string ) ] ), such as {@code max-age=3600} or
     * {@code public, max-age=60}. Like a media type, it goes into a header field as it is written here.
     */
    private static final String DIRECTIVE =
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+(=([!#$%&'*+.^_`|~0-9A-Za-z-]+|\"[ !#-\\[\\]-~]*\"))?";
    private static final Pattern CACHE_CONTROL = Pattern.compile(DIRECTIVE + "( *, *" + DIRECTIVE + ")*");

    /** Far more than one process can keep open; the limit only catches a typo such as an extra zero or two. */
    private static final int MAX_CONNECTIONS = 1_000_000;
    /** An hour: any longer is a mistake, and a client that slow is an attack. */
    private static final int MAX_TIMEOUT_MILLIS = 3_600_000;

    private final Path file;
    private final JsonObject json;

    private SettingsFile(Path file, JsonObject json) {
        this.file = file;
        this.json = json;
    }

    /**
     * The settings of {@code --config FILE}; without it, of {@code settings.json} in the current folder if there is
     * one; otherwise {@link Settings#DEFAULTS}.
     */
    static Settings load(Optional<Path> config) throws SettingsError {
        if (config.isPresent()) {
            return read(config.get());
        }
        return Files.exists(DEFAULT_FILE) ? read(DEFAULT_FILE) : Settings.DEFAULTS;
    }

    static Settings read(Path file) throws SettingsError {
        return new SettingsFile(file, StrictJson.readObject(file)).settings();
    }

    private Settings settings() throws SettingsError {
        for (String key : json.keySet()) {
            if (!KEYS.contains(key)) {
                throw error("unknown key \"" + key + "\"; " + Spelling.closest(key, KEYS)
                        .map(known -> "did you mean \"" + known + "\"?")
                        .orElse("the keys are " + String.join(", ", KEYS)));
            }
        }
        Settings defaults = Settings.DEFAULTS;
        return new Settings(
                text("host", "an IP address or host name such as \"127.0.0.1\"", name -> !name.isBlank(),
                        defaults.host()),
                wholeNumber("port", 0, 65535, defaults.port()),
                root(defaults.root()),
                text("indexFile", "a file name such as \"index.html\", without a folder and not starting with \".\"",
                        name -> !name.isEmpty() && !name.startsWith(".") && !name.matches(".*[/\\\\].*"),
                        defaults.indexFile()),
                wholeNumber("maxRequestBytes", 1, Integer.MAX_VALUE, defaults.maxRequestBytes()),
                mimeTypes(defaults.mimeTypes()),
                wholeNumber("maxConnections", 1, MAX_CONNECTIONS, defaults.maxConnections()),
                milliseconds("headerTimeoutMs", defaults.headerTimeout()),
                besideThisFile(text("accessLog", "the path of a file, such as \"logs/access.log\"",
                        path -> !path.isBlank(), defaults.accessLog().toString())),
                milliseconds("keepAliveTimeoutMs", defaults.keepAliveTimeout()),
                wholeNumber("maxRequestsPerConnection", 1, Integer.MAX_VALUE, defaults.maxRequestsPerConnection()),
                wholeNumber("maxHeaderCount", 1, Integer.MAX_VALUE, defaults.maxHeaderCount()),
                wholeNumber("maxBodyBytes", 0, Integer.MAX_VALUE, defaults.maxBodyBytes()),
                milliseconds("sendTimeoutMs", defaults.sendTimeout()),
                bool("directoryListing", defaults.directoryListing()),
                cacheControl(defaults.cacheControl()));
    }

    private boolean bool(String key, boolean fallback) throws SettingsError {
        JsonElement value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean();
        }
        throw mustBe(key, "true or false, without quotes", value);
    }

    private String text(String key, String expected, Predicate<String> valid, String fallback) throws SettingsError {
        JsonElement value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (StrictJson.isString(value) && valid.test(value.getAsString())) {
            return value.getAsString();
        }
        throw mustBe(key, expected, value);
    }

    /** Any JSON number with no fraction counts, so 8080, 8080.0 and 8.08e3 are all the same port. */
    private int wholeNumber(String key, int min, int max, int fallback) throws SettingsError {
        JsonElement value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            BigDecimal number = value.getAsBigDecimal();
            if (number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(min)) >= 0
                    && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return number.intValueExact();
            }
        }
        throw mustBe(key, "a whole number from " + min + " to " + max, value);
    }

    private Duration milliseconds(String key, Duration fallback) throws SettingsError {
        return Duration.ofMillis(wholeNumber(key, 1, MAX_TIMEOUT_MILLIS, (int) fallback.toMillis()));
    }

    /** A relative root is relative to this file's folder, so the file works whatever the current folder is. */
    private Path root(Path fallback) throws SettingsError {
        String given = text("root", "the path of a folder, such as \"site\"", path -> !path.isEmpty(),
                fallback.toString());
        Path root = besideThisFile(given);
        if (!Files.isDirectory(root)) {
            throw error("\"root\" must be an existing folder, got \"" + given + "\" (no folder at " + root + ")");
        }
        return root;
    }

    /** Relative paths in the file are relative to the file's own folder, like links in a web page. */
    private Path besideThisFile(String path) {
        return file.toAbsolutePath().getParent().resolve(path).normalize();
    }

    private Map<String, String> mimeTypes(Map<String, String> fallback) throws SettingsError {
        JsonElement value = json.get("mimeTypes");
        if (value == null) {
            return fallback;
        }
        if (!value.isJsonObject() || value.getAsJsonObject().isEmpty()) {
            throw mustBe("mimeTypes", "an object with at least one extension and its Content-Type, such as "
                    + "{\"html\": \"text/html; charset=utf-8\"}", value);
        }
        Map<String, String> types = new HashMap<>();
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String extension = entry.getKey();
            if (!EXTENSION.matcher(extension).matches()) {
                throw error("\"mimeTypes\" keys must be extensions without the dot, such as \"html\", got \""
                        + extension + "\"");
            }
            JsonElement type = entry.getValue();
            if (!StrictJson.isString(type) || !MEDIA_TYPE.matcher(type.getAsString()).matches()) {
                throw mustBe("mimeTypes\": \"" + extension, "a media type such as \"text/plain; charset=utf-8\"", type);
            }
            if (types.put(extension.toLowerCase(Locale.ROOT), type.getAsString()) != null) {
                throw error("\"mimeTypes\" lists \"" + extension + "\" twice; extensions ignore case");
            }
        }
        return types;
    }

    private Map<String, String> cacheControl(Map<String, String> fallback) throws SettingsError {
        JsonElement value = json.get("cacheControl");
        if (value == null) {
            return fallback;
        }
        if (!value.isJsonObject()) {
            throw mustBe("cacheControl", "an object with extensions, or \"*\" for all others, and their Cache-Control,"
                    + " such as {\"html\": \"no-cache\", \"*\": \"max-age=3600\"}", value);
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonElement> entry : value.getAsJsonObject().entrySet()) {
            String extension = entry.getKey();
            if (!extension.equals(CacheControl.ANY_EXTENSION) && !EXTENSION.matcher(extension).matches()) {
                throw error("\"cacheControl\" keys must be extensions without the dot, such as \"html\", or \"*\", got"
                        + " \"" + extension + "\"");
            }
            JsonElement directives = entry.getValue();
            if (!StrictJson.isString(directives) || !CACHE_CONTROL.matcher(directives.getAsString()).matches()) {
                throw mustBe("cacheControl\": \"" + extension,
                        "cache directives such as \"no-cache\" or \"public, max-age=3600\" (RFC 9111 §5.2)", directives);
            }
            if (values.put(extension.toLowerCase(Locale.ROOT), directives.getAsString()) != null) {
                throw error("\"cacheControl\" lists \"" + extension + "\" twice; extensions ignore case");
            }
        }
        return values;
    }

    private SettingsError mustBe(String key, String expected, JsonElement found) {
        return error("\"" + key + "\" must be " + expected + ", got " + StrictJson.describe(found));
    }

    private SettingsError error(String message) {
        return new SettingsError(file + ": " + message);
    }
}
