package lowweb;

/**
 * Settings the server refuses to start with. The message is one line that names the file, the key or the position,
 * what was expected and what was found, so the operator can fix the file without reading the server's code.
 */
public final class SettingsError extends Exception {

    public SettingsError(String message) {
        // No stack trace: the mistake is in the settings, not in the server.
        super(message, null, false, false);
    }
}
