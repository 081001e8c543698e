package lowweb.conformance;

import static lowweb.conformance.MediaType.hasCharset;
import static lowweb.conformance.MediaType.hasEssence;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("stage3")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 3: Content-Type tells the client how to read the body (RFC 9110 §8.3)")
class ContentTypeTest {

    @ParameterizedTest(name = "[{index}] {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /index.html               | text/html
            /                         | text/html
            /docs/                    | text/html
            /css/style.css            | text/css
            /js/headers.js            | text/javascript
            /hello.txt                | text/plain
            /files/hello%20world.txt  | text/plain
            /data/info.json           | application/json
            /img/diagram.svg          | image/svg+xml
            /img/logo.png             | image/png
            /img/photo.jpg            | image/jpeg
            /img/spinner.gif          | image/gif
            /favicon.ico              | image/x-icon
            """)
    @DisplayName("Content-Type is the media type registered for the file's extension (RFC 9110 §8.3.1)")
    @Tag("step3.3")
    void mediaTypeByExtension(String target, String mediaType, TestServer server) {
        server.rest()
                .when().get(target)
                .then().statusCode(200)
                .header("Content-Type", hasEssence(mediaType));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"/index.html", "/cyrillic.html", "/css/style.css", "/js/headers.js", "/hello.txt"})
    @DisplayName("A text type names its charset, charset=utf-8, so non-ASCII text reads right (RFC 9110 §8.3.2)")
    @Tag("step3.3")
    void textNamesCharset(String target, TestServer server) {
        server.rest()
                .when().get(target)
                .then().statusCode(200)
                .header("Content-Type", hasCharset("utf-8"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET /no-such-file.txt HTTP/1.1", "GET /hello%zz.txt HTTP/1.1", "PUT /hello.txt HTTP/1.1",
            "BREW /hello.txt HTTP/1.1", "GET /hello.txt HTTP/2.0"})
    @DisplayName("An error response explains itself in a small HTML page: text/html; charset=utf-8 "
            + "(RFC 9110 §15.5, §8.3)")
    @Tag("step3.5")
    void errorsAreHtml(String requestLine, TestServer server) {
        WireResponse response = Requests.withRequestLine(server, requestLine);

        assertThat(response.status()).isBetween(400, 599);
        assertThat(response.field("Content-Type")).as("Content-Type").isPresent();
        MediaType type = MediaType.parse(response.field("Content-Type").get());
        assertThat(type.essence()).isEqualTo("text/html");
        assertThat(type.charset()).as("charset").contains("utf-8");
        assertThat(response.body()).as("body").isNotEmpty();
    }
}
