package lowweb;

import static lowweb.SettingsError.quoted;

import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One key of the settings file, described once: its name, its default, and how the value the file gives it is checked
 * and turned into the setting's value, with the words that tell a person what the value must be. {@link Settings}
 * holds the descriptions; the keys a file may use, the defaults, the error messages and the values all come from them.
 * The factories below are the kinds of setting there are, so a new setting is one line that picks its kind.
 *
 * @param key          the key in the settings file
 * @param defaultValue the value without a settings file, and for a key the file leaves out
 * @param reading      how the value the file gives becomes the setting's value
 */
record Setting<T>(String key, T defaultValue, Reading<T> reading) {

    /** An hour: any longer is a mistake, and a client that slow is an attack. */
    private static final int MAX_MILLIS = 3_600_000;

    /** How a setting gets its value from a settings file. */
    @FunctionalInterface
    interface Reading<T> {
        /**
         * The setting's value from {@code json}, what the file gives its key, or null when the file leaves the key out.
         * A value that fails the check is a {@link SettingsError} that says what it must be and quotes what it is.
         */
        T read(JsonElement json, SettingsFile source) throws SettingsError;
    }

    /**
     * What a string in the settings must be: a test, and the words that say so in a message.
     *
     * @param expected what a message says the string must be, such as {@code a media type such as "text/plain"}
     * @param test     whether a string is one
     */
    record Rule(String expected, Predicate<String> test) {

        boolean allows(String text) {
            return test.test(text);
        }
    }

    /** A string that {@code valid} accepts; {@code expected} says what that is. */
    static Setting<String> text(String key, String defaultValue, String expected, Predicate<String> valid) {
        Rule rule = new Rule(expected, valid);
        return orDefault(key, defaultValue, (json, source) -> string(quoted(key), json, rule, source));
    }

    /** A whole number from {@code min} to {@code max}. */
    static Setting<Integer> wholeNumber(String key, int defaultValue, int min, int max) {
        return orDefault(key, defaultValue, (json, source) -> wholeNumber(key, json, min, max, source));
    }

    /** A time written in whole milliseconds, from 1 to an hour. */
    static Setting<Duration> milliseconds(String key, Duration defaultValue) {
        return orDefault(key, defaultValue,
                (json, source) -> Duration.ofMillis(wholeNumber(key, json, 1, MAX_MILLIS, source)));
    }

    /** True or false, as JSON writes them: "true" in quotes is a string, and 1 a number. */
    static Setting<Boolean> bool(String key, boolean defaultValue) {
        return orDefault(key, defaultValue, (json, source) -> {
            if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isBoolean()) {
                return json.getAsBoolean();
            }
            throw source.mustBe(quoted(key), "true or false, without quotes", json);
        });
    }

    /**
     * An existing folder. A relative path is relative to the settings file's folder, so that the file works whatever
     * the current folder is; so is the default, when the file leaves the key out.
     */
    static Setting<Path> folder(String key, Path defaultValue) {
        return new Setting<>(key, defaultValue, (json, source) -> {
            String given = path(key, json, defaultValue, "the path of a folder", source);
            Path folder = source.besideThisFile(given);
            if (!Files.isDirectory(folder)) {
                throw source.error(quoted(key) + " must be an existing folder, got " + quoted(given)
                        + " (no folder at " + folder + ")");
            }
            return folder;
        });
    }

    /** A file, which need not exist yet; like a folder, relative to the settings file's folder. */
    static Setting<Path> file(String key, Path defaultValue) {
        return new Setting<>(key, defaultValue,
                (json, source) -> source.besideThisFile(path(key, json, defaultValue, "the path of a file", source)));
    }

    /**
     * An object from file extension to a value for a header field, such as Content-Type; the extensions are
     * lower-cased, since they compare without case. The values go into header fields as they are written, so their
     * rule must allow no control characters: a line break would let the settings file write header fields of its own.
     *
     * @param atLeast    how many extensions the object must list
     * @param expected   what a message says the object must be, with an example
     * @param extensions what each key must be
     * @param values     what each value must be
     */
    static Setting<Map<String, String>> byExtension(String key, Map<String, String> defaultValue, int atLeast,
                                                    String expected, Rule extensions, Rule values) {
        return orDefault(key, defaultValue, (json, source) -> {
            if (!json.isJsonObject() || json.getAsJsonObject().size() < atLeast) {
                throw source.mustBe(quoted(key), expected, json);
            }
            Map<String, String> byExtension = new HashMap<>();
            for (Map.Entry<String, JsonElement> entry : json.getAsJsonObject().entrySet()) {
                String extension = entry.getKey();
                if (!extensions.allows(extension)) {
                    throw source.error(quoted(key) + " keys must be " + extensions.expected() + ", got "
                            + quoted(extension));
                }
                String value = string(quoted(key) + ": " + quoted(extension), entry.getValue(), values, source);
                if (byExtension.put(extension.toLowerCase(Locale.ROOT), value) != null) {
                    throw source.error(quoted(key) + " lists " + quoted(extension) + " twice; extensions ignore case");
                }
            }
            return byExtension;
        });
    }

    /** Every kind of setting but a path: a key the file leaves out takes the default. */
    private static <T> Setting<T> orDefault(String key, T defaultValue, Reading<T> reading) {
        return new Setting<>(key, defaultValue,
                (json, source) -> json == null ? defaultValue : reading.read(json, source));
    }

    /** Any JSON number without a fraction counts, so 8080, 8080.0 and 8.08e3 are all the same port. */
    private static int wholeNumber(String key, JsonElement json, int min, int max, SettingsFile source)
            throws SettingsError {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isNumber()) {
            if (json.getAsNumber() instanceof Long whole) {
                // A plain integer, as StrictJson reads one: no BigDecimal needed.
                if (whole >= min && whole <= max) {
                    return whole.intValue();
                }
            } else {
                BigDecimal number = json.getAsBigDecimal();
                if (number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(min)) >= 0
                        && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
                    return number.intValueExact();
                }
            }
        }
        throw source.mustBe(quoted(key), "a whole number from " + min + " to " + max, json);
    }

    /** The path the file gives, or the default as if the file had given it; {@code what} is a folder or a file. */
    private static String path(String key, JsonElement json, Path defaultValue, String what, SettingsFile source)
            throws SettingsError {
        if (json == null) {
            return defaultValue.toString();
        }
        String expected = what + ", such as " + quoted(defaultValue.toString());
        return string(quoted(key), json, new Rule(expected, path -> !path.isBlank()), source);
    }

    /** {@code subject} names the value in a message: its key, or its key and an extension inside it, in quotes. */
    private static String string(String subject, JsonElement json, Rule rule, SettingsFile source)
            throws SettingsError {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString() && rule.allows(json.getAsString())) {
            return json.getAsString();
        }
        throw source.mustBe(subject, rule.expected(), json);
    }
}
