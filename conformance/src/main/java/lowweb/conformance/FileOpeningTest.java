package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that the checks found can still fail to open: it may not be readable, or its name may be one the server's
 * process cannot spell. Either way the client gets an answer and the server goes on; only a server that refuses to
 * start at all, with a line saying why, is excused from answering.
 */
@Tag("stage2")
@Timeout(30)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: every request for a file gets an answer, whatever the file system says")
class FileOpeningTest {

    /** {@code /files/привет.txt}, percent-encoded as UTF-8 (RFC 3986 §2.5). */
    private static final String CYRILLIC_TARGET = "/files/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82.txt";
    /**
     * Root reads every file whatever its permissions; without these two capabilities it is held to them like anyone.
     * The JVM and the class files stay readable, since root owns them.
     */
    private static final List<String> WITHOUT_ROOT_READ_OVERRIDE =
            List.of("setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--");

    @Test
    @Tag("step2.10")
    @DisplayName("A file the server is not allowed to read gets 403 Forbidden, and the server goes on serving"
            + " (RFC 9110 §15.5.4)")
    void unreadableFile(Servers servers, @TempDir Path root) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "skipped: needs a file system with POSIX permissions to make a file unreadable");
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        Path secret = Files.writeString(root.resolve("secret.txt"), "the secret\n");
        Files.setPosixFilePermissions(secret, Set.of());

        TestServer server = startedHeldToPermissions(servers, root);
        WireResponse refused = get(server, "/secret.txt");
        WireResponse next = get(server, "/hello.txt");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.bodyText()).doesNotContain("the secret");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.bodyText()).isEqualTo("hello\n");
    }

    @Test
    @Tag("step2.9")
    @DisplayName("Started under LANG=C, whose character set has no Cyrillic letters, the server serves"
            + " files/привет.txt anyway, or refuses to start with one line that says why; it never leaves the request"
            + " unanswered (RFC 3986 §2.5)")
    void nonAsciiNameUnderTheCLocale(Servers servers, TestServer site) throws IOException {
        Servers.Start start = servers.servingWithEnvironment(site.root(), Map.of("LANG", "C", "LC_ALL", "C"));

        switch (start) {
            case Servers.Refused(Exit exit) -> {
                assertThat(exit.code()).as("exit status of a server that refuses to start").isNotZero();
                assertThat(exit.stderr().strip()).as("what it printed on standard error").isNotEmpty()
                        .doesNotContain("\n").doesNotContain("Exception");
            }
            case Servers.Serving(TestServer server) -> {
                WireResponse response = get(server, CYRILLIC_TARGET);

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(
                        Files.readAllBytes(site.root().resolve("files").resolve("привет.txt")));
            }
        }
    }

    /**
     * A server that file permissions apply to. The suite usually runs as an ordinary user, to whom they apply anyway;
     * as root on Linux the server starts without root's power to read any file.
     */
    private static TestServer startedHeldToPermissions(Servers servers, Path root) {
        if (!System.getProperty("user.name").equals("root")) {
            return servers.serving(root);
        }
        assumeTrue(System.getProperty("os.name").equals("Linux"),
                "skipped: running as root, and only Linux's setpriv can take root's power to read every file");
        return servers.startedUnder(WITHOUT_ROOT_READ_OVERRIDE, "--port", "0", "--root", root.toString());
    }
}
