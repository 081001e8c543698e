package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the stage-4 tests write before they start a server: small sites, settings files (JSON, RFC 8259) and
 * symbolic links; and how they read a server that refused to start.
 */
final class Stage4Fixtures {

    private Stage4Fixtures() {
    }

    /** Writes {@code text} as UTF-8 to {@code relative} under {@code folder}, making the folders on the way. */
    static Path write(Path folder, String relative, String text) {
        try {
            Path file = folder.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code dir/site} with the given files, written as a table of path and text:
     * {@code site(dir, "index.html", "<p>home</p>", "docs/a.txt", "a")}.
     */
    static Path site(Path dir, String... pathsAndTexts) {
        Path site = dir.resolve("site");
        for (int i = 0; i + 1 < pathsAndTexts.length; i += 2) {
            write(site, pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return site;
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

    /**
     * Settings that serve a one-page site with every key of {@code valid} except {@code key}, then {@code key} with
     * the wrong {@code value}, last: the error line must then be about that key, and nothing else.
     */
    static Path settingsWithOneWrong(Path dir, Map<String, String> valid, String key, String value) {
        List<String> members = new ArrayList<>();
        valid.forEach((other, good) -> {
            if (!other.equals(key)) {
                members.add("\"" + other + "\": " + good);
            }
        });
        members.add("\"" + key + "\": " + value);
        return settingsServing(dir, site(dir, "index.html", "<p>never served</p>\n"), members.toArray(String[]::new));
    }

    /** A server started with {@code --config} and the settings of {@link #settingsServing}. */
    static TestServer startedWithSettings(Servers servers, Path dir, Path root, String... members) {
        return servers.startedWith("--config", settingsServing(dir, root, members).toString());
    }

    /** A path as a JSON string (RFC 8259 §7): Windows back slashes must be escaped. */
    static String json(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Makes {@code link} a symbolic link to {@code target}, or skips the test where links cannot be made. */
    static void symbolicLink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            abort("skipped: this file system cannot make symbolic links: " + e);
        }
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
}
