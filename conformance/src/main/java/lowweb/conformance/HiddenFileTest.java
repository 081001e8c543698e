package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Sites.symbolicLink;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
 * Every test serves {@code dir/site/}, which holds hidden files and symbolic links, next to {@code dir/outside/}.
 * A file or folder whose name starts with "." is hidden: such names hold what a site must not show ({@code .git},
 * {@code .env}, {@code .htpasswd}), so they get 404 as if they did not exist, whatever their extension.
 */
@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: hidden files and links out of the root are never served (RFC 9110 §15.5.5, §17.3)")
class HiddenFileTest {

    private static final String SECRET = "TOP SECRET";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/.secret.txt", "/.git/config", "/a/.hidden/x.txt", "/.well-hidden/index.html",
            "/a/.hidden/"})
    @DisplayName("A path with a segment starting with \".\" gets 404, whatever the file's type (RFC 9110 §15.5.5)")
    @Tag("step4.2")
    void hiddenPaths(String target, Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(siteWithSecrets(dir));

        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(404);
        assertThat(text(response)).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("A link to a folder outside the root is not followed: 403 or 404, never the file (RFC 9110 §17.3)")
    @Tag("step4.3")
    void folderLinkOut(Servers servers, @TempDir Path dir) {
        Path site = siteWithSecrets(dir);
        symbolicLink(site.resolve("link"), Path.of("..", "outside"));
        TestServer server = servers.serving(site);

        WireResponse response = get(server, "/link/secret.txt");

        assertThat(response.status()).isIn(403, 404);
        assertThat(text(response)).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("A link to a file outside the root gets 403 or 404, while a link inside the root is followed")
    @Tag("step4.3")
    void fileLinks(Servers servers, @TempDir Path dir) {
        Path site = siteWithSecrets(dir);
        symbolicLink(site.resolve("secret-link.txt"), dir.resolve("outside/secret.txt"));
        symbolicLink(site.resolve("alias.txt"), Path.of("a", "visible.txt"));
        TestServer server = servers.serving(site);

        WireResponse out = get(server, "/secret-link.txt");
        assertThat(out.status()).isIn(403, 404);
        assertThat(text(out)).doesNotContain(SECRET);
        assertThat(get(server, "/alias.txt").bodyText()).isEqualTo("visible\n");
    }

    @Test
    @DisplayName("A link with a visible name that leads to a hidden file inside the root gets 404 (RFC 9110 §15.5.5)")
    @Tag("step4.3")
    void linkToHiddenFile(Servers servers, @TempDir Path dir) {
        Path site = siteWithSecrets(dir);
        symbolicLink(site.resolve("innocent.txt"), Path.of(".secret.txt"));
        TestServer server = servers.serving(site);

        WireResponse response = get(server, "/innocent.txt");

        assertThat(response.status()).isEqualTo(404);
        assertThat(text(response)).doesNotContain(SECRET);
    }

    /** {@code dir/site/} with hidden files and a visible one, and {@code dir/outside/secret.txt}. */
    private static Path siteWithSecrets(Path dir) {
        write(dir, "outside/secret.txt", SECRET + "\n");
        return site(dir,
                ".secret.txt", SECRET + "\n",
                ".git/config", "[core]\n\t# " + SECRET + "\n",
                "a/.hidden/x.txt", SECRET + "\n",
                "a/.hidden/index.html", "<p>" + SECRET + "</p>\n",
                ".well-hidden/index.html", "<p>" + SECRET + "</p>\n",
                "a/visible.txt", "visible\n");
    }

    private static String text(WireResponse response) {
        return new String(response.received(), StandardCharsets.ISO_8859_1);
    }
}
