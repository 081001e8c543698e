package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.ACCESS_LOG;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Settings files (JSON, RFC 8259) that a test writes before it starts a server, the servers started with them, and
 * how to read a server that refused its settings.
 */
final class SettingsFiles {

    private SettingsFiles() {
    }

    /** Writes {@code dir/settings.json}: one JSON object with these members, e.g. {@code "\"port\": 0"}. */
    static Path settings(Path dir, String... members) {
        return write(dir, "settings.json", "{\n  " + String.join(",\n  ", members) + "\n}\n");
    }

    /**
     * Settings that serve {@code root}, named by its absolute path, on port 0, so that the server picks a free port
     * and names it in its first line; then the other members as given.
     */
    static Path settingsServing(Path dir, Path root, String... members) {
        List<String> all = new ArrayList<>(List.of("\"port\": 0", "\"root\": " + json(root.toAbsolutePath())));
        all.addAll(List.of(members));
        return settings(dir, all.toArray(String[]::new));
    }

    /** A server started with {@code --config} and the settings of {@link #settingsServing}. */
    static TestServer startedWithSettings(Servers servers, Path dir, Path root, String... members) {
        return servers.startedWith("--config", settingsServing(dir, root, members).toString());
    }

    /**
     * A server with the settings of {@link #settingsServing}, its access log at {@value AccessLogFile#ACCESS_LOG} in
     * {@code dir}, where {@link AccessLogFile#accessLog} reads it, and the other members as given.
     */
    static TestServer startedWithLog(Servers servers, Path dir, Path root, String... members) {
        List<String> all = new ArrayList<>(List.of("\"accessLog\": \"" + ACCESS_LOG + "\""));
        all.addAll(List.of(members));
        return startedWithSettings(servers, dir, root, all.toArray(String[]::new));
    }

    /** A path as a JSON string (RFC 8259 §7): Windows back slashes must be escaped. */
    static String json(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The one line a server prints on standard error when it refuses its settings, after checking that it said
     * nothing else there, printed no "Listening on" line and exited with status 2.
     */
    static String refusal(Exit exit) {
        List<String> lines = exit.stderr().lines().filter(line -> !line.isBlank()).toList();
        assertThat(exit.code()).as("exit status; standard error:\n" + exit.stderr()).isEqualTo(2);
        assertThat(exit.stdout()).as("standard output").doesNotContain("Listening on");
        assertThat(lines).as("standard error: one line, no stack trace").hasSize(1);
        return lines.getFirst();
    }

    /**
     * The {@link #refusal} of a server whose settings serve a one-page site with every key of {@code valid} except
     * {@code key}, then {@code key} with the wrong {@code value}, last: the error line must then be about that key,
     * and nothing else.
     */
    static String refusalOfOneWrong(Servers servers, Path dir, Map<String, String> valid, String key, String value) {
        List<String> members = new ArrayList<>();
        valid.forEach((other, good) -> {
            if (!other.equals(key)) {
                members.add("\"" + other + "\": " + good);
            }
        });
        members.add("\"" + key + "\": " + value);
        Path settings = settingsServing(dir, site(dir, "index.html", "<p>never served</p>\n"),
                members.toArray(String[]::new));
        return refusal(servers.exitOf("--config", settings.toString()));
    }
}
