package lowweb.conformance;

import static lowweb.conformance.Requests.get;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: the path is percent-decoded exactly once, as UTF-8 (RFC 3986 §2.1, §2.4)")
class PercentDecodingTest {

    @ParameterizedTest(name = "[{index}] {0} is {1}")
    @Tag("step2.8")
    @CsvSource(delimiter = '|', textBlock = """
            /files/hello%20world.txt                          | files/hello world.txt
            /files/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82.txt   | files/привет.txt
            /files/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82.txt   | files/привет.txt
            /%68ello%2Etxt                                    | hello.txt
            """)
    @DisplayName("%XX stands for the byte XX, upper- or lower-case hex, and the bytes are UTF-8 (RFC 3986 §2.1, §2.3)")
    void decodesToUtf8Name(String target, String file, TestServer server) throws IOException {
        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve(file)));
    }

    @Test
    @Tag("step2.8")
    @DisplayName("Decoding happens once: /%2541.txt names the file \"%41.txt\", not \"A.txt\" (RFC 3986 §2.4)")
    void decodesOnlyOnce(Servers servers, @TempDir Path root) throws IOException {
        Files.writeString(root.resolve("%41.txt"), "the file named percent-four-one\n");
        Files.writeString(root.resolve("A.txt"), "the file named A\n");
        TestServer server = servers.serving(root);

        WireResponse response = get(server, "/%2541.txt");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("the file named percent-four-one\n");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.8")
    @ValueSource(strings = {"/hello%zz.txt", "/hello%4.txt", "/hello%4", "/hello.txt%", "/%g0hello.txt"})
    @DisplayName("A % not followed by two hex digits is rejected with 400 (RFC 3986 §2.1)")
    void badEscape(String target, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.8")
    @ValueSource(strings = {"/hello.txt%00", "/hello%00.txt", "/%00"})
    @DisplayName("An encoded NUL (%00) can name no file and is rejected with 400 (RFC 3986 §7.3)")
    void encodedNul(String target, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @Tag("step2.8")
    @ValueSource(strings = {"/%ff.txt", "/hello%C3%28.txt", "/%E2%82.txt", "/%C0%AE%C0%AE/hello.txt", "/%80.txt"})
    @DisplayName("Decoded bytes that are not valid UTF-8 are rejected with 400 (RFC 3986 §2.5, RFC 3629 §3)")
    void invalidUtf8(String target, TestServer server) {
        WireResponse response = get(server, target);

        assertThat(response.status()).isEqualTo(400);
    }
}
