package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Validators.etag;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code cacheControl} setting gives each file extension its Cache-Control value, and {@code "*"} the value of
 * every other one. Each test serves a temporary site.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: the cacheControl setting sets Cache-Control by file extension (RFC 9111 §5.2)")
class CacheControlTest {

    private static final String[] FILES = {"index.html", "<p>home</p>\n", "notes.txt", "notes\n", "logo.svg", "<svg/>"};

    @Test
    @DisplayName("An extension gets its own value, every other extension the value of \"*\"")
    @Tag("step7.12")
    void byExtension(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, site(dir, FILES),
                "\"cacheControl\": {\"html\": \"no-cache\", \"*\": \"public, max-age=300\"}");

        assertThat(get(server, "/index.html").field("Cache-Control")).contains("no-cache");
        assertThat(get(server, "/").field("Cache-Control")).contains("no-cache");
        assertThat(get(server, "/notes.txt").field("Cache-Control")).contains("public, max-age=300");
        assertThat(get(server, "/logo.svg").field("Cache-Control")).contains("public, max-age=300");
    }

    @Test
    @DisplayName("Without \"*\" an extension not named gets no Cache-Control at all, and neither does an error")
    @Tag("step7.12")
    void withoutDefault(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, site(dir, FILES),
                "\"cacheControl\": {\"HTML\": \"max-age=60\"}");

        assertThat(get(server, "/index.html").field("Cache-Control")).contains("max-age=60");
        assertThat(get(server, "/notes.txt").field("Cache-Control")).isEmpty();
        assertThat(get(server, "/missing.html").field("Cache-Control")).isEmpty();
    }

    @Test
    @DisplayName("A 304 and a 206 carry the Cache-Control the 200 would have carried (RFC 9110 §15.4.5, §15.3.7)")
    @Tag("step7.12")
    void notModifiedAndPartial(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, site(dir, FILES),
                "\"cacheControl\": {\"*\": \"max-age=3600\"}");
        String etag = etag(get(server, "/notes.txt"));

        WireResponse notModified = get(server, "/notes.txt", "If-None-Match: " + etag);
        WireResponse partial = get(server, "/notes.txt", "Range: bytes=0-1");

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.field("Cache-Control")).contains("max-age=3600");
        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.field("Cache-Control")).contains("max-age=3600");
    }
}
