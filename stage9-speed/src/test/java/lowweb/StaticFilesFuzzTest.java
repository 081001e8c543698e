package lowweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever request-target a client sends, the file served lies inside the root and is not hidden. The site is built
 * to tempt the resolver: a secret file beside the root, links that lead out of it or to a hidden file, a hidden file
 * of a type that is served.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs once per file in {@code StaticFilesFuzzTestInputs/}; each file holds one
 * request-target, byte for byte as it would stand in the request line.
 */
@Tag("fuzz")
class StaticFilesFuzzTest {

    @TempDir
    static Path folder;
    private static Path root;
    private static StaticFiles files;

    /**
     * <pre>
     * secret.txt                     beside the root: never served
     * site/                          the root
     *   index.html, hello.txt, docs/index.html
     *   .env.txt, .git/config.txt    hidden, although their type is served
     *   escape.txt -> ../secret.txt  a link out of the root
     *   up -> ..                     a folder link out of the root
     *   public.txt -> .env.txt       a link to a hidden file
     *   alias.txt -> hello.txt       a link that stays inside: served
     *   files/                       a folder without an index file: listed
     *     list.txt, .env.txt, escape.txt -> ../../secret.txt
     * </pre>
     */
    @BeforeAll
    static void buildSite() throws IOException {
        Files.writeString(folder.resolve("secret.txt"), "secret");
        Path site = Files.createDirectory(folder.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("hello.txt"), "hello");
        Files.writeString(Files.createDirectory(site.resolve("docs")).resolve("index.html"), "<h1>docs</h1>");
        Files.writeString(site.resolve(".env.txt"), "password");
        Files.writeString(Files.createDirectory(site.resolve(".git")).resolve("config.txt"), "remote");
        Files.createSymbolicLink(site.resolve("escape.txt"), Path.of("..", "secret.txt"));
        Files.createSymbolicLink(site.resolve("up"), Path.of(".."));
        Files.createSymbolicLink(site.resolve("public.txt"), Path.of(".env.txt"));
        Files.createSymbolicLink(site.resolve("alias.txt"), Path.of("hello.txt"));
        Path unindexed = Files.createDirectory(site.resolve("files"));
        Files.writeString(unindexed.resolve("list.txt"), "listed");
        Files.writeString(unindexed.resolve(".env.txt"), "password");
        Files.createSymbolicLink(unindexed.resolve("escape.txt"), Path.of("..", "..", "secret.txt"));
        root = site.toRealPath();
        // Listings on: a folder's list of names must not reveal what a file request may not reach either.
        files = new StaticFiles(root, Settings.DEFAULTS.indexFile(), new MediaTypes(Settings.DEFAULTS.mimeTypes()),
                new CacheControl(Settings.DEFAULTS.cacheControl()), true);
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any request-target is answered with a file inside the root that is not hidden, a redirect to a path of"
            + " this site, a listing without hidden or outside names, or an HttpError")
    void anyTargetStaysInsideTheRoot(byte[] bytes) throws IOException {
        // The request line is ISO-8859-1, as HeadReader reads it: one byte, one char.
        String target = new String(bytes, StandardCharsets.ISO_8859_1);
        Request request = new Request(new RequestLine("GET", target, "HTTP/1.1"),
                new HeaderFields(List.of(new HeaderFields.Field("Host", "localhost"))));
        Response response;
        try {
            response = files.serve(request);
        } catch (HttpError e) {
            return;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("serving the target " + Printable.bytes(bytes) + " threw " + e, e);
        }
        String input = Printable.bytes(bytes);
        for (HeaderFields.Field field : response.fields()) {
            if (field.name().equalsIgnoreCase("Location")) {
                // RFC 3986 §4.2: "//host" is a network-path reference, a redirect to another site.
                assertThat(field.value()).as("Location for %s", input).startsWith("/").doesNotStartWith("//")
                        .doesNotStartWith("/\\");
            }
        }
        String body = new String(body(response), StandardCharsets.UTF_8);
        // The contents of the files that must not be served, and the names a listing must not show.
        assertThat(body).as("body for %s", input)
                .doesNotContain("secret", "password", "remote", ".env", ".git", "escape.txt");
    }

    /** The bytes the response would send: from memory, or from its open file, which is then closed. */
    private static byte[] body(Response response) throws IOException {
        try {
            return switch (response.body()) {
                case Body.Bytes(byte[] bytes, int offset, int count) -> Arrays.copyOfRange(bytes, offset, offset + count);
                case Body.FileRegion(FileChannel file, long offset, long length) ->
                        Channels.newInputStream(file.position(offset)).readNBytes((int) length);
                case Body.None none -> new byte[0];
            };
        } finally {
            response.discard();
        }
    }
}
