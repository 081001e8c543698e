package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Without a {@code mimeTypes} setting the server serves the common types of a website (html, css, js, txt, json, svg,
 * png, jpg, jpeg, gif, webp, ico) and refuses every other file that exists with 403 Forbidden.
 */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: only allowed file types are served; any other file gets 403 (RFC 9110 §15.5.4)")
class AllowedTypeTest {

    @Test
    @DisplayName("shared-site's files/sample.bin, not an allowed type, gets 403 Forbidden (RFC 9110 §15.5.4)")
    @Tag("step4.1")
    void binaryFileForbidden(TestServer server) {
        WireResponse response = get(server, "/files/sample.bin");

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 403 Forbidden");
    }

    @Test
    @DisplayName("HEAD of a forbidden file gets 403 too, without a body (RFC 9110 §9.3.2, §15.5.4)")
    @Tag("step4.1")
    void headOfForbiddenFile(TestServer server) {
        WireResponse response = head(server, "/files/sample.bin");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] /{0}")
    @ValueSource(strings = {"notes.md", "deploy.sh", "README", "backup.tar.gz", "index.html.bak", "page.", "key.pem"})
    @DisplayName("A file of a type not on the list, or without an extension, gets 403 (RFC 9110 §15.5.4)")
    @Tag("step4.1")
    void otherTypesForbidden(String name, Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, name, "not for the public\n", "index.html", "<p>public</p>\n"));

        server.rest()
                .when().get("/" + name)
                .then().statusCode(403)
                .body(not(containsString("not for the public")));
    }

    @Test
    @DisplayName("A missing file gets 404 whatever its type: 403 is for files that exist (RFC 9110 §15.5.5)")
    @Tag("step4.1")
    void missingFileOfForbiddenType(Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir, "present.bin", "here\n"));

        server.rest().when().get("/present.bin").then().statusCode(403);
        server.rest().when().get("/absent.bin").then().statusCode(404);
    }
}
