package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.withRequestLine;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage2")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 2: each header field line is field-name \":\" OWS field-value OWS (RFC 9112 §5)")
class HeaderFieldsTest {

    @Test
    @Tag("step2.2")
    @DisplayName("Field names are case-insensitive: hOsT and cOnNeCtIoN work like Host and Connection (RFC 9110 §5.1)")
    void namesAreCaseInsensitive(TestServer server) throws IOException {
        WireResponse response = server.raw().send(
                "GET /hello.txt HTTP/1.1\r\nhOsT: " + server.authority() + "\r\ncOnNeCtIoN: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @Tag("step2.2")
    @DisplayName("Spaces and tabs around a field value are not part of it (RFC 9112 §5.1)")
    void optionalWhitespaceAroundValues(TestServer server) throws IOException {
        WireResponse response = server.raw().send(
                "GET /hello.txt HTTP/1.1\r\nHost:\t " + server.authority() + " \t\r\nAccept:*/*\r\n"
                        + "X-Lesson:   spaces around   \r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(server.root().resolve("hello.txt")));
    }

    @Test
    @Tag("step2.1")
    @DisplayName("A field with an empty value is still a valid field line (RFC 9110 §5.5)")
    void emptyValue(TestServer server) {
        WireResponse response = get(server, "/hello.txt", "X-Empty:", "X-Blank: ");

        assertThat(response.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @Tag("step2.6")
    @ValueSource(strings = {"X-Lesson : one", "X-Lesson\t: one", "Accept  : */*"})
    @DisplayName("Whitespace between a field name and its colon is rejected with 400 (RFC 9112 §5.1)")
    void whitespaceBeforeColon(String fieldLine, TestServer server) {
        WireResponse response = get(server, "/hello.txt", fieldLine);

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @Tag("step2.6")
    @ValueSource(strings = {"X-Lesson one", "NoColonAtAll", "Accept */*"})
    @DisplayName("A field line without a colon is rejected with 400 (RFC 9112 §5)")
    void noColon(String fieldLine, TestServer server) {
        WireResponse response = get(server, "/hello.txt", fieldLine);

        assertThat(response.status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "[{index}] continuation line starts with {0}")
    @Tag("step2.6")
    @CsvSource({"SP, ' '", "HTAB, '\t'"})
    @DisplayName("A field value folded onto the next line (obs-fold) is rejected with 400 (RFC 9112 §5.2)")
    void obsoleteLineFolding(String whitespace, String fold, TestServer server) {
        WireResponse response = withRequestLine(server, "GET /hello.txt HTTP/1.1",
                "X-Lesson: first line", fold + "second line");

        assertThat(response.status()).isEqualTo(400);
    }
}
