package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Sites.symbolicLink;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code "directoryListing": true} a folder without an index file gets an HTML list of what it holds, showing
 * only what the server would serve. Each test serves a temporary site.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: the directoryListing setting lists a folder that has no index file")
class DirectoryListingTest {

    @Test
    @DisplayName("A folder without index.html gets 200 and an HTML page with a link to each file and folder in it")
    @Tag("step7.9")
    void listsFolder(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "notes/todo.txt", "plans\n", "notes/b.html", "<p>b</p>\n", "notes/old/a.txt", "a\n");
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": true");

        WireResponse response = get(server, "/notes/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.field("Content-Type")).hasValueSatisfying(type ->
                assertThat(MediaType.parse(type).essence()).isEqualTo("text/html"));
        assertThat(response.bodyText()).contains("href=\"todo.txt\"", "href=\"b.html\"", "href=\"old/\"",
                "href=\"../\"");
        assertThat(get(server, "/notes/old/").bodyText()).contains("href=\"a.txt\"");
    }

    @Test
    @DisplayName("A folder with index.html still gets its index file, not a listing (RFC 9110 §4.2.1)")
    @Tag("step7.9")
    void indexWins(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "docs/index.html", "<p>docs home</p>\n", "docs/page.txt", "page\n");
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": true");

        WireResponse response = get(server, "/docs/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("<p>docs home</p>\n");
    }

    @Test
    @DisplayName("Hidden files, file types that are not served and links out of the root are left out of the list")
    @Tag("step7.9")
    void onlyWhatIsServed(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "notes/shown.txt", "shown\n", "notes/.env", "SECRET=1\n", "notes/.git/config", "x\n",
                "notes/backup.bak", "old\n", "notes/key.pem", "key\n");
        Path outside = write(dir, "outside/secret.txt", "outside the root\n").getParent();
        symbolicLink(root.resolve("notes/escape"), outside);
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": true");

        String page = get(server, "/notes/").bodyText();

        assertThat(page).contains("shown.txt").doesNotContain(".env", ".git", "backup.bak", "key.pem", "escape");
    }

    @Test
    @DisplayName("Names are HTML-escaped in the text and percent-encoded in the links, so no name can write markup"
            + " or change where its link leads (RFC 3986 §2.1)")
    @Tag("step7.9")
    void namesEscaped(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "notes/<script>alert(1)<\\script>.txt", "x\n", "notes/a&b \"c\".txt", "y\n",
                "notes/javascript:alert(1).txt", "z\n", "notes/привет.txt", "w\n", "notes/x#y?.txt", "v\n");
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": true");

        String page = get(server, "/notes/").bodyText();

        assertThat(page).doesNotContain("<script>", "href=\"javascript:")
                .contains("&lt;script&gt;alert(1)", "a&amp;b &quot;c&quot;.txt",
                        "href=\"%3Cscript%3Ealert%281%29%3C%5Cscript%3E.txt\"",
                        "href=\"a%26b%20%22c%22.txt\"", "href=\"javascript%3Aalert%281%29.txt\"",
                        "href=\"%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82.txt\"", "href=\"x%23y%3F.txt\"");
        assertThat(get(server, "/notes/a%26b%20%22c%22.txt").bodyText()).isEqualTo("y\n");
    }

    @Test
    @DisplayName("With \"directoryListing\": false a folder without an index file gets 404, naming none of its files")
    @Tag("step7.9")
    void off(Servers servers, @TempDir Path dir) {
        Path root = site(dir, "notes/todo.txt", "plans\n");
        TestServer server = startedWithSettings(servers, dir, root, "\"directoryListing\": false");

        WireResponse response = get(server, "/notes/");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).doesNotContain("todo.txt");
    }
}
