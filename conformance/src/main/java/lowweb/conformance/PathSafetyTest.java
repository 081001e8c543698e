package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.notServed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tests with a folder of their own serve its {@code site/}, next to a {@code secret.txt} one level above the root,
 * and try to reach the secret. {@code {abs}} in a target stands for that folder's absolute path without its leading
 * slash.
 */
@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: nothing outside the root is ever served (RFC 9110 §17.3, RFC 3986 §5.2.4)")
class PathSafetyTest {

    private static final String SECRET = "TOP SECRET";

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/..%2fsecret.txt",
        "/.%2e/secret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/site/../../secret.txt",
        "/./../secret.txt",
        "/index.html/../../secret.txt",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f{abs}/secret.txt",
        "/..%c0%afsecret.txt",
        "//{abs}/secret.txt",
        "/%2F{abs}/secret.txt",
    })
    @Tag("step2.3")
    @DisplayName("A path that climbs out of the root gets 400, 403 or 404, never the file (RFC 9110 §17.3)")
    void climbingOut(String target, Servers servers, @TempDir Path dir) throws IOException {
        TestServer server = servers.serving(siteWithSecretAbove(dir));

        WireResponse response = get(server, target.replace("{abs}", withoutLeadingSlash(dir)));

        assertThat(response).is(notServed());
        assertThat(new String(response.received(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.3")
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/..%2fpom.xml", "/docs/../../pom.xml",
            "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd"})
    @DisplayName("The shared site's own server does not serve the files around it (RFC 9110 §17.3)")
    void sharedSiteStaysClosed(String target, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response).is(notServed());
    }

    /** {@code dir/secret.txt} holds the secret; {@code dir/site/} is the root to serve. */
    private static Path siteWithSecretAbove(Path dir) throws IOException {
        Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>site</title>\n");
        return site;
    }

    private static String withoutLeadingSlash(Path dir) {
        return dir.toAbsolutePath().toString().replace('\\', '/').replaceFirst("^/", "");
    }
}
