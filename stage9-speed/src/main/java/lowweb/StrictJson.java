package lowweb;

import static lowweb.SettingsError.quoted;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON file, as RFC 8259 defines JSON and nothing more. Gson is lenient unless told otherwise: it would take
 * comments, single quotes and a comma before "}", and a settings file that only this server understands is a trap for
 * the next tool, or the next person, that reads it. A key given twice in one object is
 * refused too, at any depth: RFC 8259 §4 only says the names in an object SHOULD be unique, and warns that software
 * then behaves unpredictably (Gson's tree would keep the last value without a word); I-JSON (RFC 7493 §2.3) makes
 * unique names a MUST, and so does this server.
 *
 * <p>One pass of Gson's streaming {@link JsonReader}, in strict mode, builds the tree and checks the keys. Every
 * message is this server's own, made from what it knows when the reader stops: what it asked the reader for, and the
 * place and the word where the reader stopped ({@link JsonText}); none depends on the wording of Gson's messages.
 */
final class StrictJson {

    /** The settings nest two deep; the limit only keeps a runaway file from using up the stack. */
    private static final int MAX_DEPTH = 100;

    /** What the reader was asked for, in the words of a message when it finds something else there. */
    private enum Expecting {
        SETTINGS, MEMBER, VALUE_OF_KEY, ELEMENT, END;

        /** {@code before} is the last character before the mistake that is not white space. */
        String words(char before) {
            return switch (this) {
                case SETTINGS -> "a JSON object, {...}";
                case MEMBER -> before == '{' || before == ',' ? "a \"key\" in double quotes" : "\",\" or \"}\"";
                case VALUE_OF_KEY -> before == ':' ? "a value" : "\":\" after the key";
                case ELEMENT -> before == '[' || before == ',' ? "a value" : "\",\" or \"]\"";
                case END -> "the end of the file";
            };
        }
    }

    private final Path file;
    private final JsonText text;
    private final JsonReader reader;
    private Expecting expecting = Expecting.SETTINGS;
    /** Whether the reader is inside a key or a string value, where other mistakes are possible. */
    private boolean inString;
    private int depth;

    private StrictJson(Path file, JsonText text) {
        this.file = file;
        this.text = text;
        this.reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
    }

    /** The value in {@code file}; text that is not JSON is a {@link SettingsError} naming the file and the place. */
    static JsonElement read(Path file) throws SettingsError {
        return new StrictJson(file, JsonText.of(file)).document();
    }

    private JsonElement document() throws SettingsError {
        try {
            JsonElement value = value(null);
            expecting = Expecting.END;
            reader.peek();
            return value;
        } catch (IOException e) {
            // The text is in memory: the reader fails only where the text is not JSON, or ends too soon.
            throw inString ? insideString(text.last()) : syntaxError(text.mistake());
        }
    }

    /** {@code key} is the key of this value, which names it in a message, or null for the whole file. */
    private JsonElement value(String key) throws IOException, SettingsError {
        JsonToken token = reader.peek();
        return switch (token) {
            case BEGIN_OBJECT -> object(key);
            case BEGIN_ARRAY -> array(key);
            case STRING -> new JsonPrimitive(string());
            case NUMBER -> number(reader.nextString());
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new IllegalStateException("JsonReader found " + token + " where it promised a value");
        };
    }

    private JsonObject object(String key) throws IOException, SettingsError {
        deeper();
        JsonObject object = new JsonObject();
        Map<String, Integer> firstLines = new HashMap<>();
        reader.beginObject();
        expecting = Expecting.MEMBER;
        while (reader.hasNext()) {
            int quote = text.last();
            int line = text.line();
            String name = string();
            Integer first = firstLines.putIfAbsent(name, line);
            if (first != null) {
                String twice = key == null ? quoted(name) + " is given twice" : quoted(key) + " lists " + quoted(name)
                        + " twice";
                throw mistake(quote, twice + " (first on line " + first + "); keep one");
            }
            expecting = Expecting.VALUE_OF_KEY;
            object.add(name, value(name));
            expecting = Expecting.MEMBER;
        }
        reader.endObject();
        depth--;
        return object;
    }

    private JsonArray array(String key) throws IOException, SettingsError {
        deeper();
        JsonArray array = new JsonArray();
        reader.beginArray();
        expecting = Expecting.ELEMENT;
        while (reader.hasNext()) {
            array.add(value(key));
            expecting = Expecting.ELEMENT;
        }
        reader.endArray();
        depth--;
        return array;
    }

    /** The key or the string value whose opening quote the reader has just taken. */
    private String string() throws IOException {
        inString = true;
        String string = reader.peek() == JsonToken.NAME ? reader.nextName() : reader.nextString();
        inString = false;
        return string;
    }

    /** An optional minus and at most 18 digits: a number a {@code long} holds exactly, with no fraction or exponent. */
    private static boolean isSmallInteger(String written) {
        int first = written.startsWith("-") ? 1 : 0;
        if (written.length() == first || written.length() - first > 18) {
            return false;
        }
        for (int i = first; i < written.length(); i++) {
            if (written.charAt(i) < '0' || written.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private JsonPrimitive number(String written) throws SettingsError {
        if (isSmallInteger(written)) {
            // Nearly every number in a settings file: read without BigDecimal, whose first use costs a start 30 ms.
            return new JsonPrimitive(Long.parseLong(written));
        }
        try {
            return new JsonPrimitive(new BigDecimal(written));
        } catch (NumberFormatException e) {
            // The reader has taken the number, and maybe one character more; an exponent beyond an int is past any
            // setting, and RFC 8259 §6 lets a reader limit the numbers it takes.
            throw mistake(text.last() - written.length(), "the number " + written + " is too large to read");
        }
    }

    private void deeper() throws SettingsError {
        if (++depth > MAX_DEPTH) {
            throw syntaxError(text.last(), "objects and arrays nest more than " + MAX_DEPTH + " deep");
        }
    }

    /** The reader stopped at {@code at}: the message says what it was asked for and what it found there instead. */
    private SettingsError syntaxError(int at) {
        char found = text.charAt(at);
        char before = text.before(at);
        if (found == '/' || found == '#') {
            return syntaxError(at, "comments are not allowed");
        }
        if (before == ',' && (found == '}' || found == ']')) {
            return syntaxError(at, "a comma before \"" + found + "\" is not allowed");
        }
        return syntaxError(at, "expected " + expecting.words(before) + ", found " + text.found(at));
    }

    /** The reader stopped inside a string: at the end of the file, at a control character, or in an escape. */
    private SettingsError insideString(int last) {
        char found = text.charAt(last);
        if (found == 0) {
            return syntaxError(last, "the file ends inside a string");
        }
        if (found < ' ') {
            return syntaxError(last, "a tab, a line break or another control character in a string must be written"
                    + " as an escape, such as \\t or \\n");
        }
        // An escape is six characters at most (a backslash, "u", four digits), so it began at the last backslash.
        return syntaxError(text.lastBackslash(last), "a \"\\\" in a string must begin an escape: \\\", \\\\, \\/,"
                + " \\b, \\f, \\n, \\r, \\t, or \\u and four hexadecimal digits");
    }

    private SettingsError syntaxError(int at, String reason) {
        return mistake(at, "not valid JSON (RFC 8259): " + reason);
    }

    private SettingsError mistake(int at, String message) {
        return new SettingsError(file + " " + text.where(at) + ": " + message);
    }
}
