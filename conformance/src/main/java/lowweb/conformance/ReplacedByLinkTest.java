package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Sites.largeFile;
import static lowweb.conformance.Sites.symbolicLink;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server checks a path (inside the root, nothing hidden, no link out) and then opens the file. Whatever it keeps
 * between two requests to save work, it must not keep the name alone: a folder on the way can be replaced by a
 * symbolic link in the meantime, and opening the same name again would follow the link out of the root.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: a folder replaced by a link between two requests is never followed out of the root")
class ReplacedByLinkTest {

    /** Large enough to be sent from the disk rather than from memory, by any server that holds small files. */
    private static final long FILE_BYTES = 1 << 20;

    @Test
    @DisplayName("A file fetched in ranges, whose folder is then replaced by a link out of the root, gets 404 for the"
            + " next range, never the other file's bytes (RFC 9110 §14.2; the root's rules of stage 4)")
    @Tag("step7.6")
    void folderReplacedBetweenRanges(Servers servers, @TempDir Path dir) throws IOException {
        Path root = Files.createDirectories(dir.resolve("site"));
        Path inside = largeFile(root.resolve("downloads").resolve("data.png"), FILE_BYTES);
        Path outside = largeFile(dir.resolve("private").resolve("data.png"), FILE_BYTES + 1);
        TestServer server = servers.serving(root);

        WireResponse first = get(server, "/downloads/data.png", "Range: bytes=0-99");
        Files.move(inside.getParent(), root.resolve("downloads-old"));
        symbolicLink(root.resolve("downloads"), outside.getParent());
        WireResponse next = get(server, "/downloads/data.png", "Range: bytes=100-199");

        assertThat(first.status()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(inside.getParent().resolveSibling(
                "downloads-old").resolve("data.png")), 0, 100));
        assertThat(next.status()).as("the next range, now behind a link out of the root").isEqualTo(404);
        assertThat(next.body()).as("the next range's body")
                .isNotEqualTo(Arrays.copyOfRange(Files.readAllBytes(outside), 100, 200));
    }
}
