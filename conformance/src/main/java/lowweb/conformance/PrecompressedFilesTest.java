package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Validators.etag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file compressed ahead of time lies beside the original, {@code style.css.gz} beside {@code style.css}, and is sent
 * to clients that accept its coding. Each test serves a temporary site with {@code shared-site}'s stylesheet and its
 * gzip copy; where brotli matters, {@code app.js} also has a {@code .br} copy, whose bytes stand in for brotli output:
 * the server sends them as they are and never decodes them.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: precompressed copies are sent to clients that accept their coding (RFC 9110 §8.4, §12.5.3)")
class PrecompressedFilesTest {

    private static final String CSS = "text/css; charset=utf-8";

    @Test
    @DisplayName("Accept-Encoding: gzip gets the .gz copy's bytes with Content-Encoding: gzip, the original's"
            + " Content-Type, Vary: Accept-Encoding and an ETag of its own (RFC 9110 §8.4, §8.8.3, §12.5.5)")
    @Tag("step7.10")
    void gzipCopy(Servers servers, @TempDir Path dir) {
        Path root = site(dir);
        TestServer server = servers.serving(root);

        WireResponse plain = get(server, "/style.css");
        WireResponse gzip = get(server, "/style.css", "Accept-Encoding: gzip, deflate");

        assertThat(gzip.status()).isEqualTo(200);
        assertThat(gzip.field("Content-Encoding")).contains("gzip");
        assertThat(gzip.field("Content-Type")).contains(CSS);
        assertThat(gzip.field("Vary")).contains("Accept-Encoding");
        assertThat(gzip.body()).isEqualTo(read(root.resolve("style.css.gz")));
        assertThat(gunzip(gzip.body())).isEqualTo(read(root.resolve("style.css")));
        assertThat(etag(gzip)).isNotEqualTo(etag(plain));
    }

    @Test
    @DisplayName("Without Accept-Encoding the plain file is sent, with Vary: Accept-Encoding since another client"
            + " would get the copy (RFC 9110 §12.5.3, §12.5.5)")
    @Tag("step7.10")
    void plainVaries(Servers servers, @TempDir Path dir) {
        Path root = site(dir);
        TestServer server = servers.serving(root);

        WireResponse response = get(server, "/style.css");

        assertThat(response.body()).isEqualTo(read(root.resolve("style.css")));
        assertThat(response.field("Content-Encoding")).isEmpty();
        assertThat(response.field("Vary")).contains("Accept-Encoding");
    }

    @Test
    @DisplayName("Right after a client that accepts gzip, a client that does not still gets the plain file: what a"
            + " server reuses between requests must depend on Accept-Encoding (RFC 9110 §12.5.5)")
    @Tag("step7.10")
    void copyNotReusedForOthers(Servers servers, @TempDir Path dir) {
        Path root = site(dir);
        TestServer server = servers.serving(root);

        WireResponse gzip = get(server, "/style.css", "Accept-Encoding: gzip");
        WireResponse plain = get(server, "/style.css");
        WireResponse gzipAgain = get(server, "/style.css", "Accept-Encoding: gzip");

        assertThat(gzip.field("Content-Encoding")).contains("gzip");
        assertThat(plain.field("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(read(root.resolve("style.css")));
        assertThat(gzipAgain.body()).isEqualTo(read(root.resolve("style.css.gz")));
    }

    @ParameterizedTest(name = "[{index}] Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip;q=0            | identity",
            "br, deflate         | identity",
            "*                   | gzip",
            "*;q=0.5, gzip;q=0   | identity",
            "GZIP;Q=0.3          | gzip",
            "x-gzip              | gzip",
            "identity, *;q=0     | identity",
            "gzip;q=1.0, br      | gzip"})
    @DisplayName("q=0 forbids a coding, * stands for every coding not named, coding names ignore case"
            + " (RFC 9110 §12.4.2, §12.5.3)")
    @Tag("step7.11")
    void weights(String accept, String expected, Servers servers, @TempDir Path dir) {
        Path root = site(dir);
        TestServer server = servers.serving(root);

        WireResponse response = get(server, "/style.css", "Accept-Encoding: " + accept);

        if (expected.equals("identity")) {
            assertThat(response.field("Content-Encoding")).isEmpty();
            assertThat(response.body()).isEqualTo(read(root.resolve("style.css")));
        } else {
            assertThat(response.field("Content-Encoding")).contains(expected);
            assertThat(response.body()).isEqualTo(read(root.resolve("style.css.gz")));
        }
        assertThat(response.field("Vary")).contains("Accept-Encoding");
    }

    @ParameterizedTest(name = "[{index}] Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip, br           | br",
            "br;q=0.5, gzip     | gzip",
            "br;q=0.8, gzip;q=0.8 | br",
            "gzip, br;q=0       | gzip"})
    @DisplayName("With both copies, brotli is preferred, unless the client weighs gzip higher or forbids br")
    @Tag("step7.11")
    void brotliPreferred(String accept, String expected, Servers servers, @TempDir Path dir) {
        Path root = site(dir);
        TestServer server = servers.serving(root);

        WireResponse response = get(server, "/app.js", "Accept-Encoding: " + accept);

        assertThat(response.field("Content-Encoding")).contains(expected);
        assertThat(response.field("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(response.body()).isEqualTo(read(root.resolve(expected.equals("br") ? "app.js.br" : "app.js.gz")));
    }

    @Test
    @DisplayName("A copy asked for by its own name is an ordinary file, refused like any type that is not served,"
            + " while the same bytes reach a client that accepts gzip (RFC 9110 §15.5.4)")
    @Tag("step7.10")
    void copyByName(Servers servers, @TempDir Path dir) {
        TestServer server = servers.serving(site(dir));

        assertThat(get(server, "/style.css", "Accept-Encoding: gzip").field("Content-Encoding")).contains("gzip");
        assertThat(get(server, "/style.css.gz", "Accept-Encoding: gzip").status()).isEqualTo(403);
    }

    /** {@code style.css} of shared-site with a gzip copy, and {@code app.js} with a gzip and a brotli copy. */
    private static Path site(Path dir) {
        try {
            Path root = Files.createDirectories(dir.resolve("site"));
            byte[] css = Files.readAllBytes(ServerExtension.sharedSite().resolve("css/style.css"));
            Files.write(root.resolve("style.css"), css);
            Files.write(root.resolve("style.css.gz"), gzip(css));
            byte[] js = "console.log('precompressed');\n".repeat(40).getBytes();
            Files.write(root.resolve("app.js"), js);
            Files.write(root.resolve("app.js.gz"), gzip(js));
            Files.write(root.resolve("app.js.br"), "brotli bytes, sent as they are".getBytes());
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("the body is not gzip: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
