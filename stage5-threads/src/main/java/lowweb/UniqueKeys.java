package lowweb;

import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses an object, at any depth, that gives the same key twice. RFC 8259 §4 only says the names in an object
 * SHOULD be unique, and warns that software then behaves unpredictably; Gson's tree keeps the last value without a
 * word, so a second "port" further down the file would silently undo the first. I-JSON (RFC 7493 §2.3) makes unique
 * names a MUST, and so does this server.
 */
final class UniqueKeys {

    private final Path file;
    private final Position position;
    private final JsonReader reader;

    private UniqueKeys(Path file, String json) {
        this.file = file;
        this.position = new Position(json);
        this.reader = new JsonReader(position);
    }

    /** Checks {@code json}, which Gson has already read as strict JSON, key by key as Gson's own reader meets them. */
    static void check(Path file, String json) throws SettingsError {
        try {
            new UniqueKeys(file, json).value(null);
        } catch (IOException e) {
            // A string cannot fail to read, and this one has already been read as JSON once.
            throw new UncheckedIOException(e);
        }
    }

    /** {@code key} is the key of this value, or null for the whole file; nested objects are named by it. */
    private void value(String key) throws IOException, SettingsError {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> object(key);
            case BEGIN_ARRAY -> {
                reader.beginArray();
                while (reader.hasNext()) {
                    value(key);
                }
                reader.endArray();
            }
            default -> reader.skipValue();
        }
    }

    private void object(String key) throws IOException, SettingsError {
        Map<String, Integer> firstLines = new HashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
            int line = position.line();
            int column = position.column();
            String name = reader.nextName();
            Integer first = firstLines.putIfAbsent(name, line);
            if (first != null) {
                String twice = key == null
                        ? quoted(name) + " is given twice"
                        : quoted(key) + " lists " + quoted(name) + " twice";
                throw new SettingsError(file + " line " + line + " column " + column + ": " + twice
                        + " (first on line " + first + "); keep one");
            }
            value(name);
        }
        reader.endObject();
    }

    /** As JSON writes it, so that a key with a line break in it cannot break the one line of the message. */
    private static String quoted(String key) {
        return new JsonPrimitive(key).toString();
    }

    /**
     * The text, handed to the {@link JsonReader} one character per call, with the line and column of the last one.
     * The reader asks for more only when it has used up what it has, so once it has found the next key, the last
     * character it took is the key's opening quote.
     */
    private static final class Position extends Reader {

        private final String text;
        private int next;
        private int line = 1;
        private int lineStart;

        Position(String text) {
            this.text = text;
        }

        int line() {
            return line;
        }

        int column() {
            return next - lineStart;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (next == text.length()) {
                return -1;
            }
            char c = text.charAt(next++);
            buffer[offset] = c;
            if (c == '\n') {
                line++;
                lineStart = next;
            }
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
