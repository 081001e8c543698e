package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A folder named without its final slash is redirected to the path with it, so that relative links in its index page
 * resolve inside the folder. Tests with folders of their own serve a temporary site.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: a folder without its final slash gets 301 to the path with it (RFC 9110 §15.4.2)")
class FolderRedirectTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"/docs, /docs/", "/docs?lang=en&x=1, /docs/?lang=en&x=1", "/./docs, /docs/", "/docs?, /docs/"})
    @DisplayName("A folder's path without the slash gets 301 Moved Permanently with Location: the path with the slash,"
            + " the query kept (RFC 9110 §15.4.2, §10.2.2)")
    @Tag("step7.8")
    void redirected(String target, String location, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 301 Moved Permanently");
        assertThat(response.field("Location")).contains(location);
        assertThat(response.field("Content-Length")).contains("" + response.body().length);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"//evil.example", "///evil.example", "/.//evil.example", "//./evil.example"})
    @DisplayName("Empty segments never make the Location a network-path reference (//host) that would send the"
            + " browser to another site: //evil.example gets Location /evil.example/ (RFC 3986 §4.2)")
    @Tag("step7.8")
    void noOpenRedirect(String target, Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, "evil.example/index.html", "<p>a folder, not a host</p>\n"));

        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.field("Location")).contains("/evil.example/");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"/my%20notes, /my%20notes/, my notes",
            "/%D0%BF%D0%B0%D0%BF%D0%BA%D0%B0, /%D0%BF%D0%B0%D0%BF%D0%BA%D0%B0/, папка",
            "/a%3Ab, /a%3Ab/, a:b", "/my%20notes?q=%22x%22, /my%20notes/?q=%22x%22, my notes"})
    @DisplayName("The Location is built from the decoded segments and percent-encoded again, so it names the same"
            + " folder (RFC 3986 §2.1)")
    @Tag("step7.8")
    void percentEncoded(String target, String location, String folder, Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, folder + "/index.html", "<p>folder</p>\n"));

        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(301);
        assertThat(response.field("Location")).contains(location);
    }

    @Test
    @DisplayName("A folder without an index file is redirected too, then gets 404 with its slash; a file's path is"
            + " never redirected (RFC 9110 §15.5.5)")
    @Tag("step7.8")
    void folderWithoutIndex(Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, "notes/todo.txt", "secret plans\n", "hello.txt", "hi\n"));

        WireResponse redirect = get(server, "/notes");
        assertThat(redirect.status()).isEqualTo(301);
        assertThat(redirect.field("Location")).contains("/notes/");

        WireResponse folder = get(server, "/notes/");
        assertThat(folder.status()).isEqualTo(404);
        assertThat(folder.bodyText()).doesNotContain("todo.txt");
        assertThat(get(server, "/hello.txt").status()).isEqualTo(200);
    }
}
