package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: a GET for a path under the root gets that file's bytes (RFC 9110 §9.3.1)")
class StaticFilesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.2")
    @ValueSource(strings = {"hello.txt", "index.html", "img/logo.png", "img/photo.jpg", "img/large.png"})
    @DisplayName("The body is exactly the file's bytes, with nothing after it (RFC 9112 §6)")
    void bodyIsTheFile(String file, TestServer server) throws IOException {
        WireResponse response = get(server, "/" + file);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve(file)));
        assertThat(response.trailingBytes()).as("bytes after the body").isEmpty();
    }

    @Test
    @Tag("step2.1")
    @DisplayName("Every line of the response head ends with CRLF and a blank line ends the head (RFC 9112 §2.1)")
    void headLinesEndWithCrlf(TestServer server) {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.linesEndWithCrlf()).as("every head line ends with CRLF").isTrue();
        assertThat(response.head()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n");
    }

    @Test
    @Tag("step2.1")
    @DisplayName("After the response the server closes the connection the request asked to close (RFC 9112 §9.6)")
    void closesWhenAsked(TestServer server) {
        WireResponse response = get(server, "/hello.txt");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.closed()).as("server closed the connection").isTrue();
    }

    @Test
    @Tag("step2.1")
    @DisplayName("/ gets the root's index.html (RFC 9110 §4.2.1)")
    void rootGetsIndex(TestServer server) throws IOException {
        WireResponse response = get(server, "/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("index.html")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.2")
    @ValueSource(strings = {"/docs/", "/docs"})
    @DisplayName("A folder's path, with or without the final slash, leads to the folder's index.html: at once, or after"
            + " a 301 to the path with the slash (RFC 9110 §4.2.1, §15.4.2)")
    void folderGetsIndex(String target, TestServer server) throws IOException {
        WireResponse response = getFollowingFolderRedirect(server, target);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("docs/index.html")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.2")
    @ValueSource(strings = {"/no-such-file.txt", "/img/no-such-image.png", "/no-such-folder/index.html",
            "/hello.txt/more"})
    @DisplayName("A path with no file behind it gets HTTP/1.1 404 Not Found (RFC 9110 §15.5.5)")
    void missingFile(String target, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 404 Not Found");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.2")
    @ValueSource(strings = {"/notes/", "/notes"})
    @DisplayName("A folder without index.html gets 404, never a listing of its files, whether or not a 301 adds the"
            + " final slash first (RFC 9110 §15.5.5)")
    void folderWithoutIndex(String target, Servers servers, @TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("notes"));
        Files.writeString(root.resolve("notes/todo.txt"), "secret plans\n");
        TestServer server = servers.serving(root);

        WireResponse response = getFollowingFolderRedirect(server, target);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.bodyText()).doesNotContain("todo.txt");
    }

    /**
     * GET, and GET again when the answer is a 301 to the same path with a final slash, as a browser follows it. Before
     * stage 7 a folder named without its slash is served at once; from stage 7 on it is redirected first.
     */
    private static WireResponse getFollowingFolderRedirect(TestServer server, String target) {
        WireResponse response = get(server, target);
        if (response.status() == 301 && response.field("Location").equals(Optional.of(target + "/"))) {
            return get(server, target + "/");
        }
        return response;
    }
}
