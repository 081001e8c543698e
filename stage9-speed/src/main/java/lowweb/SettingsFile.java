package lowweb;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads the settings file: one JSON object (RFC 8259) whose keys are the settings, each of them optional. The JSON is
 * read strictly and every key is checked, so that a typo, a comment or a wrong type stops the server with one line
 * saying what to fix, instead of a default silently taking the place of what the operator meant. What each key may
 * hold is not written here but in its description in {@link Settings}.
 */
final class SettingsFile {

    /** The file read when no {@code --config} is given, if the current folder has one. */
    static final Path DEFAULT_FILE = Path.of("settings.json");
    private static final int SHOWN_AT_MOST = 60;

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
        JsonElement json = StrictJson.read(file);
        if (!json.isJsonObject()) {
            throw new SettingsError(file + ": the settings must be one JSON object, {...}, got " + describe(json));
        }
        return new SettingsFile(file, json.getAsJsonObject()).settings();
    }

    /** Relative paths in the file are relative to the file's own folder, like links in a web page. */
    Path besideThisFile(String path) {
        return file.toAbsolutePath().getParent().resolve(path).normalize();
    }

    /** {@code subject} is what the value is, in quotes: {@code "port"}, or {@code "mimeTypes": "md"}. */
    SettingsError mustBe(String subject, String expected, JsonElement found) {
        return error(subject + " must be " + expected + ", got " + describe(found));
    }

    SettingsError error(String message) {
        return new SettingsError(file + ": " + message);
    }

    private Settings settings() throws SettingsError {
        List<String> keys = Settings.all().stream().map(Setting::key).toList();
        for (String key : json.keySet()) {
            if (!keys.contains(key)) {
                throw error("unknown key " + SettingsError.quoted(key) + "; " + Spelling.closest(key, keys)
                        .map(known -> "did you mean \"" + known + "\"?")
                        .orElse("the keys are " + String.join(", ", keys)));
            }
        }
        Settings settings = Settings.DEFAULTS;
        for (Setting<?> setting : Settings.all()) {
            settings = read(setting, settings);
        }
        return settings;
    }

    /** The settings with the value this file gives {@code setting}, or its default if the file leaves it out. */
    private <T> Settings read(Setting<T> setting, Settings settings) throws SettingsError {
        return settings.with(setting, setting.reading().read(json.get(setting.key()), this));
    }

    /** The value as JSON writes it, with "the string" before a string: "80" and 80 look alike in a message. */
    private static String describe(JsonElement value) {
        String json = value.toString();
        String shown = json.length() <= SHOWN_AT_MOST ? json : json.substring(0, SHOWN_AT_MOST - 3) + "...";
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? "the string " + shown : shown;
    }
}
