package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.json;
import static lowweb.conformance.SettingsFiles.settings;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each test writes a settings file into a temporary folder and starts the server with {@code --config FILE}. */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: every key of the settings file changes what the server does (RFC 8259)")
class SettingsFileTest {

    @Test
    @DisplayName("\"port\" is the port the server listens on")
    @Tag("step4.6")
    void port(Servers servers, @TempDir Path dir) throws IOException {
        int free = freePort();
        Path site = site(dir, "hello.txt", "hello from the port in the settings\n");
        Path settings = settings(dir, "\"port\": " + free, "\"root\": " + json(site));

        TestServer server = servers.startedWith("--config", settings.toString());

        assertThat(server.port()).as("the port in the Listening line").isEqualTo(free);
        assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("hello from the port in the settings\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(NumberForm.class)
    @DisplayName("A whole number may be written with a zero fraction or an exponent, as 8080.0 or 8.08e3: JSON gives"
            + " them one meaning (RFC 8259 §6)")
    @Tag("step4.6")
    void wholeNumberForms(NumberForm form, Servers servers, @TempDir Path dir) throws IOException {
        int free = freePort();
        Path site = site(dir, "hello.txt", "hello from a port written another way\n");
        Path settings = settings(dir, "\"port\": " + form.write(free), "\"root\": " + json(site));

        TestServer server = servers.startedWith("--config", settings.toString());

        assertThat(server.port()).as("the port in the Listening line").isEqualTo(free);
        assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("hello from a port written another way\n");
    }

    @Test
    @DisplayName("A relative \"root\" is relative to the settings file's folder, not to the current folder")
    @Tag("step4.6")
    void rootRelativeToSettingsFile(Servers servers, @TempDir Path dir) {
        site(dir, "hello.txt", "hello from ../site\n");
        Path settings = settings(dir.resolve("conf"), "\"port\": 0", "\"root\": \"../site\"");

        TestServer server = servers.startedWith("--config", settings.toString());

        assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("hello from ../site\n");
    }

    @Test
    @DisplayName("\"indexFile\" is the file served for a folder: home.html for / and for /docs/")
    @Tag("step4.7")
    void indexFile(Servers servers, @TempDir Path dir) {
        Path site = site(dir,
                "index.html", "<p>not this one</p>\n",
                "home.html", "<p>home</p>\n",
                "docs/home.html", "<p>docs home</p>\n");

        TestServer server = startedWithSettings(servers, dir, site, "\"indexFile\": \"home.html\"");

        server.rest().when().get("/").then().statusCode(200).body(equalTo("<p>home</p>\n"));
        server.rest().when().get("/docs/").then().statusCode(200).body(equalTo("<p>docs home</p>\n"));
    }

    @Test
    @DisplayName("\"mimeTypes\" can add a type: .md is served with the Content-Type it is given (RFC 9110 §8.3)")
    @Tag("step4.8")
    void mimeTypesAddAType(Servers servers, @TempDir Path dir) {
        Path site = site(dir, "notes.md", "# Notes\n");

        TestServer server = startedWithSettings(servers, dir, site,
                "\"mimeTypes\": {\"html\": \"text/html; charset=utf-8\", \"md\": \"text/markdown; charset=utf-8\"}");

        server.rest()
                .when().get("/notes.md")
                .then().statusCode(200)
                .header("Content-Type", "text/markdown; charset=utf-8")
                .body(equalTo("# Notes\n"));
    }

    @Test
    @DisplayName("\"mimeTypes\" is the whole list: a type it leaves out, here .txt, gets 403 (RFC 9110 §15.5.4)")
    @Tag("step4.8")
    void mimeTypesIsTheWholeList(Servers servers, @TempDir Path dir) {
        Path site = site(dir,
                "index.html", "<p>index</p>\n",
                "hello.txt", "hello\n");

        TestServer server = startedWithSettings(servers, dir, site,
                "\"mimeTypes\": {\"html\": \"text/html; charset=utf-8\"}");

        server.rest().when().get("/hello.txt").then().statusCode(403);
        server.rest().when().get("/index.html").then().statusCode(200);
    }

    @Test
    @DisplayName("Extensions compare case-insensitively: \"MD\" in the settings allows notes.md and NOTES.Md")
    @Tag("step4.9")
    void extensionsIgnoreCase(Servers servers, @TempDir Path dir) {
        Path site = site(dir,
                "notes.md", "# lower\n",
                "NOTES.Md", "# mixed\n");

        TestServer server = startedWithSettings(servers, dir, site,
                "\"mimeTypes\": {\"MD\": \"text/markdown; charset=utf-8\"}");

        server.rest().when().get("/notes.md").then().statusCode(200).body(equalTo("# lower\n"));
        server.rest().when().get("/NOTES.Md").then().statusCode(200).body(equalTo("# mixed\n"));
    }

    @Test
    @DisplayName("Without \"mimeTypes\", the common web types are served with their types and other files get 403")
    @Tag("step4.6")
    void defaultMimeTypes(Servers servers, @TempDir Path dir) {
        Path site = site(dir,
                "hello.txt", "hello\n",
                "style.css", "p { color: teal }\n",
                "data.bin", "not for the public\n");

        TestServer server = startedWithSettings(servers, dir, site);

        server.rest().when().get("/hello.txt").then().header("Content-Type", "text/plain; charset=utf-8");
        server.rest().when().get("/style.css").then().header("Content-Type", "text/css; charset=utf-8");
        server.rest().when().get("/data.bin").then().statusCode(403);
    }

    /** A port that was free a moment ago. */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** Ways to write a whole number in JSON other than its digits alone (RFC 8259 §6). */
    enum NumberForm {
        /** 8080.0 */
        ZERO_FRACTION {
            @Override
            String write(int number) {
                return number + ".0";
            }
        },
        /** 8.08e3: one digit before the point, and a port has at least two. */
        EXPONENT {
            @Override
            String write(int number) {
                String digits = Integer.toString(number);
                return digits.charAt(0) + "." + digits.substring(1) + "e" + (digits.length() - 1);
            }
        };

        abstract String write(int number);
    }
}
