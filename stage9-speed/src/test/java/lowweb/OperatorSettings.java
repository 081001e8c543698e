package lowweb;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings as an operator writes them: a JSON file beside a site of one page, read the way the server reads its
 * settings file. A test that goes through the file compiles in every step of the stage and fails on a key the
 * server does not know yet, where one that called a new accessor of {@link Settings} would not compile.
 */
final class OperatorSettings {

    private OperatorSettings() {
    }

    /**
     * The keys every such test needs: the loopback host, a site in {@code folder/site} with an index page, and an
     * access log of its own in {@code folder}.
     */
    static JsonObject forSite(Path folder, String accessLog) throws IOException {
        Path root = Files.createDirectories(folder.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<p>hello</p>\n", US_ASCII);
        JsonObject json = new JsonObject();
        json.addProperty("host", "127.0.0.1");
        json.addProperty("root", root.toString());
        json.addProperty("accessLog", folder.resolve(accessLog).toString());
        return json;
    }

    /** Writes {@code text} to {@code folder/name} and reads it as the server's settings file. */
    static Settings read(Path folder, String name, String text) throws IOException, SettingsError {
        Path file = folder.resolve(name);
        Files.writeString(file, text, UTF_8);
        return SettingsFile.read(file);
    }
}
