package lowweb;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a file that must hold one JSON object, as RFC 8259 defines JSON and nothing more. Gson is lenient unless told
 * otherwise: it would take comments, single quotes and a comma before "}", and a settings file that only this server
 * understands is a trap for the next tool, or the next person, that reads it. For the same reason a key given twice
 * is refused ({@link UniqueKeys}), where Gson would keep the last value.
 */
final class StrictJson {

    /** How Gson ends its messages: "Expected name at line 4 column 2 path $.port". */
    private static final Pattern POSITION = Pattern.compile("^(.*?) at line (\\d+) column (\\d+)");
    private static final int SHOWN_AT_MOST = 60;

    private StrictJson() {
    }

    /** The object in {@code file}; any other content is a {@link SettingsError} naming the file and the position. */
    static JsonObject readObject(Path file) throws SettingsError {
        String text;
        try {
            // RFC 8259 §8.1: JSON exchanged between systems is UTF-8.
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SettingsError(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new SettingsError(file + ": not UTF-8 text, which JSON must be (RFC 8259 §8.1)");
        } catch (IOException e) {
            throw new SettingsError(file + ": cannot read it: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new SettingsError(file + ": the file is empty; it must hold a JSON object such as {\"port\": 8080}");
        }
        JsonElement tree;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            tree = JsonParser.parseReader(reader);
            // The object must be all there is: in strict mode, anything after it fails here.
            reader.peek();
        } catch (JsonParseException | IOException e) {
            throw syntaxError(file, e);
        }
        if (!tree.isJsonObject()) {
            throw new SettingsError(file + ": the settings must be one JSON object, {...}, got " + describe(tree));
        }
        UniqueKeys.check(file, text);
        return tree.getAsJsonObject();
    }

    static boolean isString(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
    }

    /** The value as it was written, with "the string" before a string: "80" and 80 look alike in a message. */
    static String describe(JsonElement value) {
        String json = value.toString();
        String shown = json.length() <= SHOWN_AT_MOST ? json : json.substring(0, SHOWN_AT_MOST - 3) + "...";
        return isString(value) ? "the string " + shown : shown;
    }

    /** Gson's message names the position; its wording is made readable for someone who has never used Gson. */
    private static SettingsError syntaxError(Path file, Exception e) {
        Throwable reader = e.getCause() instanceof IOException cause ? cause : e;
        String message = String.valueOf(reader.getMessage()).lines().findFirst().orElse("");
        Matcher position = POSITION.matcher(message);
        if (!position.find()) {
            return new SettingsError(file + ": not valid JSON: " + message);
        }
        String what = position.group(1);
        String reason = switch (what) {
            case "Expected name" -> "expected a \"key\" in double quotes (a comma before \"}\" is not allowed)";
            case "Expected value" -> "expected a value";
            case "Expected ':'" -> "expected \":\" after the key";
            case "Unterminated object" -> "expected \",\" or \"}\"";
            case "Unterminated array" -> "expected \",\" or \"]\"";
            case "End of input" -> "the file ends before the JSON does";
            default -> what.startsWith("Use JsonReader.setStrictness")
                    ? "comments, single quotes, words without quotes and text after the last \"}\" are not JSON"
                    : what;
        };
        return new SettingsError(file + " line " + position.group(2) + " column " + position.group(3)
                + ": not valid JSON (RFC 8259): " + reason);
    }
}
