package lowweb.conformance;

import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
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
 * A site may bring its own error pages, {@code 403.html} and {@code 404.html} in its root. They are sent with the
 * error status, {@code Content-Type: text/html; charset=utf-8} and their length; without them the server sends a
 * small HTML page of its own.
 */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: 403 and 404 show the site's 403.html and 404.html (RFC 9110 §15.5.4, §15.5.5)")
class ErrorPageTest {

    private static final String HTML = "text/html; charset=utf-8";

    @ParameterizedTest(name = "[{index}] {0} gets {1} with {2}")
    @CsvSource({"/missing, 404, 404.html", "/files/sample.bin, 403, 403.html"})
    @DisplayName("404 sends the site's 404.html, 403 its 403.html, with the error status (RFC 9110 §15.5.5, §15.5.4)")
    @Tag("step4.4")
    void sitePages(String target, int status, String page, TestServer server) throws IOException {
        assertIsPage(server, target, status, server.root().resolve(page));
    }

    @Test
    @DisplayName("HEAD of a missing file gets the 404 page's head: same Content-Length, no body (RFC 9110 §9.3.2)")
    @Tag("step4.4")
    void headOfMissingFile(TestServer server) throws IOException {
        WireResponse response = head(server, "/missing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.field("Content-Length"))
                .contains(Long.toString(Files.size(server.root().resolve("404.html"))));
        assertThat(response.body()).isEmpty();
        assertThat(response.trailingBytes()).as("bytes after the head").isEmpty();
    }

    @Test
    @DisplayName("/404.html asked for by name is an ordinary page: 200, while a missing file gets it with 404")
    @Tag("step4.4")
    void errorPageByName(TestServer server) throws IOException {
        Path page = server.root().resolve("404.html");

        assertIsPage(server, "/missing", 404, page);
        byte[] byName = server.rest()
                .when().get("/404.html")
                .then().statusCode(200)
                .extract().asByteArray();
        assertThat(byName).isEqualTo(Files.readAllBytes(page));
    }

    @Test
    @DisplayName("The error pages come from the served root: a folder's own 404.html, 403.html and missing index")
    @Tag("step4.4")
    void pagesOfTheServedRoot(Servers servers, @TempDir Path dir) throws IOException {
        Path site = site(dir,
                "404.html", "<p>lost in the temporary site</p>\n",
                "403.html", "<p>not in the temporary site</p>\n",
                "empty/readme.txt", "a folder without an index file\n",
                "data.bin", "binary\n");
        TestServer server = servers.serving(site);

        assertIsPage(server, "/nothing-here.html", 404, site.resolve("404.html"));
        assertIsPage(server, "/empty/", 404, site.resolve("404.html"));
        assertIsPage(server, "/data.bin", 403, site.resolve("403.html"));
    }

    @Test
    @DisplayName("Without 403.html and 404.html in the root, 403 and 404 get a small HTML page naming the status")
    @Tag("step4.1")
    void builtInPages(Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, "data.bin", "binary\n"));

        assertIsBuiltInPage(server, "/data.bin", 403);
        assertIsBuiltInPage(server, "/missing.html", 404);
    }

    /** A GET of {@code target} gets the status and the page file's bytes as an HTML body with the right length. */
    private static void assertIsPage(TestServer server, String target, int status, Path page) throws IOException {
        byte[] bytes = Files.readAllBytes(page);

        byte[] body = server.rest()
                .when().get(target)
                .then().statusCode(status)
                .header("Content-Type", HTML)
                .header("Content-Length", Integer.toString(bytes.length))
                .extract().asByteArray();

        assertThat(body).as("body of %s", target).isEqualTo(bytes);
    }

    /** A GET of {@code target} gets the status and a small HTML page of the server's own that names it. */
    private static void assertIsBuiltInPage(TestServer server, String target, int status) {
        ExtractableResponse<Response> response = server.rest()
                .when().get(target)
                .then().statusCode(status)
                .header("Content-Type", HTML)
                .body(containsString(Integer.toString(status)))
                .extract();

        assertThat(response.header("Content-Length")).as("Content-Length of %s", target)
                .isEqualTo(Integer.toString(response.asByteArray().length));
    }
}
