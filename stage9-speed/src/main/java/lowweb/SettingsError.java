package lowweb;

import com.google.gson.JsonPrimitive;

/**
 * Settings the server refuses to start with. The message is one line that names the file, the key or the position,
 * what was expected and what was found, so the operator can fix the file without reading the server's code.
 */
public final class SettingsError extends Exception {

    public SettingsError(String message) {
        // No stack trace: the mistake is in the settings, not in the server.
        super(message, null, false, false);
    }

    /** As JSON writes it, so that a key or a value with a line break in it cannot break the one line of a message. */
    static String quoted(String text) {
        return new JsonPrimitive(text).toString();
    }
}
