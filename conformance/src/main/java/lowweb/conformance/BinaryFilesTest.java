package lowweb.conformance;

import static lowweb.conformance.Fingerprints.fingerprint;
import static lowweb.conformance.Requests.persistentGet;
import static lowweb.conformance.ResponseAssertions.assertPersists;
import static lowweb.conformance.ResponseAssertions.assertStillOpen;
import static lowweb.conformance.ServerExtension.sharedSite;
import static lowweb.conformance.Sites.largeFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page pulls in its images over the connection that brought the page. On a persistent connection every body must
 * end exactly where its Content-Length says, or the next response is read from the middle of an image: one byte too
 * many or too few, and every later file is garbage.
 */
@Tag("stage6")
@Timeout(30)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 6: images of every type, large ones too, arrive byte for byte on one connection (RFC 9112 §6.3)")
class BinaryFilesTest {

    /** Each image the test asks for, in this order, and its media type (RFC 9110 §8.3.1). */
    private static final String IMAGES = """
            /img/logo.png       image/png
            /img/photo.jpg      image/jpeg
            /big.png            image/png
            /img/photo.jpeg     image/jpeg
            /img/spinner.gif    image/gif
            /img/diagram.svg    image/svg+xml
            /img/large.png      image/png
            /img/picture.webp   image/webp
            /favicon.ico        image/x-icon
            """;
    /** Over 5 MB, and not a multiple of any buffer size, so that the last piece of the body is a short one. */
    private static final long BIG = 5 * 1024 * 1024 + 7;

    @Test
    @DisplayName("Every image of shared-site, a .jpeg, a .webp and a 5 MB .png, all on one connection: each has its"
            + " media type and the exact bytes of its file (RFC 9110 §8.3, RFC 9112 §9.3)")
    @Tag("step6.1")
    void imagesOnOneConnection(Servers servers, @TempDir Path dir) throws IOException {
        Path site = dir.resolve("site");
        Path img = Files.createDirectories(site.resolve("img"));
        for (String name : new String[] {"logo.png", "photo.jpg", "spinner.gif", "diagram.svg", "large.png"}) {
            Files.copy(sharedSite().resolve("img").resolve(name), img.resolve(name));
        }
        Files.copy(sharedSite().resolve("favicon.ico"), site.resolve("favicon.ico"));
        Files.copy(sharedSite().resolve("img/photo.jpg"), img.resolve("photo.jpeg"));
        largeFile(img.resolve("picture.webp"), 30_000);
        largeFile(site.resolve("big.png"), BIG);

        TestServer server = servers.serving(site);
        try (RawConnection connection = server.raw().open()) {
            IMAGES.lines().map(line -> line.strip().split(" +")).forEach(row -> {
                String target = row[0];
                String type = row[1];
                WireResponse response = persistentGet(connection, server, target);

                assertThat(response.status()).as("status of %s", target).isEqualTo(200);
                assertThat(response.field("Content-Type").map(value -> MediaType.parse(value).essence()))
                        .as("Content-Type of %s", target).contains(type);
                assertThat(fingerprint(response.body())).as("body of %s", target)
                        .isEqualTo(fingerprint(site.resolve(target.substring(1))));
                assertPersists(response);
            });
            assertStillOpen(connection);
        }
    }
}
