package lowweb.conformance;

import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.ResponseAssertions.assertServes;
import static lowweb.conformance.Sites.siteFile;
import static lowweb.conformance.Validators.etag;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client asks for part of a file: a download that broke off resumes where it stopped, a video player jumps ahead.
 * The server serves {@code shared-site}; {@code /img/large.png} is its largest file.
 */
@Tag("stage7")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 7: range requests get 206 with exactly the bytes asked for (RFC 9110 §14)")
class RangeRequestTest {

    private static final String LARGE = "/img/large.png";

    @Test
    @DisplayName("bytes=0-99 gets 206 Partial Content with Content-Range bytes 0-99/LENGTH and the first 100 bytes"
            + " (RFC 9110 §14.1.2, §14.4, §15.3.7)")
    @Tag("step7.6")
    void firstBytes(TestServer server) {
        byte[] file = siteFile(LARGE);

        WireResponse response = get(server, LARGE, "Range: bytes=0-99");

        assertPart(response, file, 0, 99);
    }

    @Test
    @DisplayName("A download resumes: bytes=N- gets the rest of the large image from byte N on, byte for byte"
            + " (RFC 9110 §14.1.2)")
    @Tag("step7.6")
    void resume(TestServer server) {
        byte[] file = siteFile(LARGE);
        int from = file.length / 2 + 17;

        byte[] part = server.rest()
                .header("Range", "bytes=" + from + "-")
                .when().get(LARGE)
                .then().statusCode(206)
                .header("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length)
                .extract().asByteArray();

        assertThat(part).as("the bytes from %d on", from).isEqualTo(Arrays.copyOfRange(file, from, file.length));
    }

    @Test
    @DisplayName("bytes=-500 gets the last 500 bytes (RFC 9110 §14.1.2)")
    @Tag("step7.6")
    void suffix(TestServer server) {
        byte[] file = siteFile(LARGE);

        byte[] part = server.rest()
                .header("Range", "bytes=-500")
                .when().get(LARGE)
                .then().statusCode(206)
                .header("Content-Range", "bytes " + (file.length - 500) + "-" + (file.length - 1) + "/" + file.length)
                .header("Content-Length", "500")
                .extract().asByteArray();

        assertThat(part).as("the last 500 bytes").isEqualTo(Arrays.copyOfRange(file, file.length - 500, file.length));
    }

    @Test
    @DisplayName("A last position past the end means the end, and a suffix longer than the file means all of it"
            + " (RFC 9110 §14.1.2)")
    @Tag("step7.6")
    void clippedToTheEnd(TestServer server) {
        int length = siteFile("/hello.txt").length;

        server.rest()
                .header("Range", "bytes=7-100000")
                .when().get("/hello.txt")
                .then().statusCode(206)
                .header("Content-Range", "bytes 7-" + (length - 1) + "/" + length);
        server.rest()
                .header("Range", "bytes=-100000")
                .when().get("/hello.txt")
                .then().statusCode(206)
                .header("Content-Range", "bytes 0-" + (length - 1) + "/" + length);
    }

    @ParameterizedTest(name = "[{index}] Range: {0}")
    @ValueSource(strings = {"bytes=LENGTH-", "bytes=LENGTH-99999999", "bytes=-0", "bytes=99999999999999999999999-"})
    @DisplayName("A range with no byte of the file gets 416 with Content-Range bytes */LENGTH (RFC 9110 §14.4,"
            + " §15.5.17)")
    @Tag("step7.7")
    void unsatisfiable(String range, TestServer server) {
        int length = siteFile("/hello.txt").length;

        WireResponse response = get(server, "/hello.txt", "Range: " + range.replace("LENGTH", "" + length));

        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 416 Range Not Satisfiable");
        assertThat(response.field("Content-Range")).contains("bytes */" + length);
        assertThat(response.field("Content-Length")).contains("" + response.body().length);
    }

    @ParameterizedTest(name = "[{index}] Range: {0}")
    @ValueSource(strings = {"bytes=0-1,4-5", "bytes=-1, 0-0", "bytes=5-2", "bytes=a-b", "bytes=", "bytes 0-1",
            "lines=0-1", "0-1", "bytes=0-1;x"})
    @DisplayName("Several ranges, a malformed range and another unit are ignored: 200 with the whole file, which still"
            + " says Accept-Ranges: bytes (RFC 9110 §14.2, §14.3)")
    @Tag("step7.6")
    void ignored(String range, TestServer server) {
        WireResponse response = get(server, "/hello.txt", "Range: " + range);

        assertServes(response, "/hello.txt");
        assertThat(response.field("Content-Range")).isEmpty();
        assertThat(response.field("Accept-Ranges")).contains("bytes");
    }

    @Test
    @DisplayName("Range is only for GET: a HEAD with a Range gets the head of the 200 (RFC 9110 §14.2)")
    @Tag("step7.6")
    void headIgnoresRange(TestServer server) {
        int length = siteFile(LARGE).length;

        WireResponse response = head(server, LARGE, "Range: bytes=0-99");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.field("Content-Length")).contains("" + length);
        assertThat(response.field("Accept-Ranges")).contains("bytes");
    }

    @Test
    @DisplayName("If-Range with the file's ETag or its Last-Modified keeps the range: 206 (RFC 9110 §13.1.5)")
    @Tag("step7.6")
    void ifRangeMatches(TestServer server) {
        int length = siteFile(LARGE).length;
        ExtractableResponse<Response> whole = server.rest().when().get(LARGE).then().statusCode(200).extract();

        for (String validator : List.of(whole.header("ETag"), whole.header("Last-Modified"))) {
            server.rest()
                    .header("Range", "bytes=100-")
                    .header("If-Range", validator)
                    .when().get(LARGE)
                    .then().statusCode(206)
                    .header("Content-Range", "bytes 100-" + (length - 1) + "/" + length);
        }
    }

    @ParameterizedTest(name = "[{index}] If-Range: {0}")
    @ValueSource(strings = {"\"another-version\"", "W/ETAG", "Sun, 06 Nov 1994 08:49:37 GMT", "not a validator"})
    @DisplayName("If-Range with another ETag, a weak one or another date sends the whole file with 200: the part"
            + " would not fit the client's old copy (RFC 9110 §13.1.5)")
    @Tag("step7.7")
    void ifRangeDiffers(String validator, TestServer server) {
        String etag = etag(get(server, LARGE, "Range: bytes=0-0"));

        WireResponse response = get(server, LARGE, "Range: bytes=100-", "If-Range: " + validator.replace("ETAG", etag));

        assertServes(response, LARGE);
        assertThat(response.field("Content-Range")).isEmpty();
    }

    /** 206 with Content-Range, Content-Length and the bytes from {@code first} to {@code last}, both included. */
    private static void assertPart(WireResponse response, byte[] file, int first, int last) {
        assertThat(response.statusLine()).isEqualTo("HTTP/1.1 206 Partial Content");
        assertThat(response.field("Content-Range")).contains("bytes " + first + "-" + last + "/" + file.length);
        assertThat(response.field("Content-Length")).contains("" + (last - first + 1));
        assertThat(response.body()).as("the bytes %d to %d", first, last)
                .isEqualTo(Arrays.copyOfRange(file, first, last + 1));
        assertThat(response.trailingBytes()).as("bytes after the part").isEmpty();
    }
}
