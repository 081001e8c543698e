package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.SettingsFiles.json;
import static lowweb.conformance.SettingsFiles.settings;
import static lowweb.conformance.SettingsFiles.settingsServing;
import static lowweb.conformance.Sites.site;
import static lowweb.conformance.Sites.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("stage4")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 4: --port, --root and --host override the settings file, wherever they stand")
class SettingsFlagsTest {

    @Test
    @DisplayName("--port 0 before --config wins over the file's port, which another program holds")
    @Tag("step4.6")
    void portFlag(Servers servers, @TempDir Path dir) throws IOException {
        Path site = site(dir, "hello.txt", "hello\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = settings(dir, "\"port\": " + taken.getLocalPort(), "\"root\": " + json(site));

            TestServer server = servers.startedWith("--port", "0", "--config", file.toString());

            assertThat(server.port()).isNotEqualTo(taken.getLocalPort());
            assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("hello\n");
        }
    }

    @Test
    @DisplayName("--root wins over the file's root")
    @Tag("step4.6")
    void rootFlag(Servers servers, @TempDir Path dir) {
        Path fromFile = dir.resolve("from-file");
        Path fromFlag = dir.resolve("from-flag");
        write(fromFile, "hello.txt", "the file's root\n");
        write(fromFlag, "hello.txt", "the flag's root\n");

        TestServer server = servers.startedWith("--config", settingsServing(dir, fromFile).toString(),
                "--root", fromFlag.toString());

        assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("the flag's root\n");
    }

    @Test
    @DisplayName("--host wins over the file's host: the file's 127.0.0.2 is never used")
    @Tag("step4.11")
    void hostFlag(Servers servers, @TempDir Path dir) {
        Path site = site(dir, "hello.txt", "hello\n");
        Path file = settingsServing(dir, site, "\"host\": \"127.0.0.2\"");

        TestServer server = servers.startedWith("--config", file.toString(), "--host", "127.0.0.1");

        assertThat(get(server, "/hello.txt").bodyText()).isEqualTo("hello\n");
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource({"--port, 70000", "--port, http", "--prot, 0"})
    @DisplayName("A bad flag next to --config is refused with exit status 2, a line naming it, and the usage")
    @Tag("step4.6")
    void badFlag(String flag, String value, Servers servers, @TempDir Path dir) {
        Path file = settingsServing(dir, dir);

        Exit exit = servers.exitOf("--config", file.toString(), flag, value);

        assertThat(exit.code()).isEqualTo(2);
        assertThat(exit.stderr().lines().findFirst().orElse("")).as("the first line").contains(flag);
        assertThat(exit.stderr()).containsIgnoringCase("usage");
    }
}
