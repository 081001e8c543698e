package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Requests.closingHead;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.Requests.head;
import static lowweb.conformance.Requests.withRequestLine;
import static lowweb.conformance.SettingsFiles.settingsServing;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static lowweb.conformance.SettingsFiles.startedWithSettings;
import static lowweb.conformance.Sites.largeFile;
import static lowweb.conformance.Sites.site;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lowweb.conformance.AccessLogFile.Line;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log has one line per request in the Common Log Format: client IP, {@code -}, {@code -}, the time in
 * UTC, the request line in quotes exactly as received, the status code and the body bytes sent ({@code -} for none):
 * {@code 127.0.0.1 - - [22/Nov/2026:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 1234}. Inside the quotes
 * {@code "}, {@code \}, control characters and bytes from 0x7F up are written {@code \xHH}, so that no client can
 * forge a field or a line. The server flushes the log at least once a second; the tests wait for it.
 */
@Tag("stage5")
@Timeout(20)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: the access log has one Common Log Format line per request (course requirement, stage 5)")
class AccessLogTest {

    private static final String HELLO = "hello\n";
    /** Far more than a connection's buffers hold on either side, so a client that stops reading stops the server. */
    private static final long LARGE_FILE_BYTES = 32L << 20;
    private static final int HEAD_PEEK_BYTES = 100;
    private static final Duration FILL_WAIT = Duration.ofMillis(300);

    @Test
    @DisplayName("A GET is logged with the client's IP, the time in UTC, the request line, 200 and the body's bytes")
    @Tag("step5.1")
    void everyField(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        get(server, "/hello.txt");

        Instant after = Instant.now();
        Line line = onlyLine(dir);
        assertThat(line.client()).isEqualTo("127.0.0.1");
        assertThat(line.time()).isBetween(before, after);
        assertThat(line.request()).isEqualTo("GET /hello.txt HTTP/1.1");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.bytes()).isEqualTo(Integer.toString(HELLO.length()));
    }

    @Test
    @DisplayName("A HEAD sends no body, so its line has - for the bytes (RFC 9110 §9.3.2)")
    @Tag("step5.1")
    void headSendsNoBytes(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO));

        head(server, "/hello.txt");

        assertThat(onlyLine(dir).outcome()).isEqualTo("HEAD /hello.txt HTTP/1.1 200 -");
    }

    @Test
    @DisplayName("A 404 is logged with 404 and the bytes of the error page it sent (RFC 9110 §15.5.5)")
    @Tag("step5.1")
    void notFound(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO));

        WireResponse response = get(server, "/missing.html");

        assertThat(onlyLine(dir).outcome()).isEqualTo("GET /missing.html HTTP/1.1 404 " + bytesSent(response));
    }

    @Test
    @DisplayName("A client that leaves halfway through a large file is logged with the body's bytes that went out,"
            + " not with the Content-Length that was promised")
    @Tag("step5.3")
    void clientLeavesHalfway(Servers servers, @TempDir Path dir) throws InterruptedException {
        Path root = site(dir, "hello.txt", HELLO);
        largeFile(root.resolve("large.png"), LARGE_FILE_BYTES);
        TestServer server = startedWithLog(servers, dir, root);

        try (RawConnection connection = server.raw().open()) {
            connection.write(closingHead(server, "GET /large.png HTTP/1.1"));
            connection.readExactly(HEAD_PEEK_BYTES);
            // Long enough for the server to fill the connection's buffers, which hold far less than the file.
            Thread.sleep(FILL_WAIT.toMillis());
            connection.reset();
        }

        Line line = onlyLine(dir);
        assertThat(line.outcome()).startsWith("GET /large.png HTTP/1.1 200 ");
        assertThat(Long.parseLong(line.bytes())).as("body bytes logged").isPositive().isLessThan(LARGE_FILE_BYTES);
    }

    @Test
    @DisplayName("Inside the quotes \", \\, control characters and bytes from 0x7F up are \\xHH: no line can be forged")
    @Tag("step5.1")
    void escapes(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO));
        // Each request line as sent, its bytes as ISO-8859-1 characters, and as the log must show it.
        Map<String, String> loggedAs = new LinkedHashMap<>();
        loggedAs.put("GET /say-\"hi\" HTTP/1.1", "GET /say-\\x22hi\\x22 HTTP/1.1");
        // A quote, then what looks like the status and the bytes: the real ones must still come last.
        loggedAs.put("GET /x\" 200 1 HTTP/1.1", "GET /x\\x22 200 1 HTTP/1.1");
        loggedAs.put("GET /back\\slash HTTP/1.1", "GET /back\\x5Cslash HTTP/1.1");
        // An escape written by the client is not the server's: its back slash is escaped.
        loggedAs.put("GET /\\x0A-forged HTTP/1.1", "GET /\\x5Cx0A-forged HTTP/1.1");
        loggedAs.put("GET /bell\u0007 HTTP/1.1", "GET /bell\\x07 HTTP/1.1");
        // A terminal's escape sequence would colour the screen of whoever reads the log.
        loggedAs.put("GET /\u001B[31mred HTTP/1.1", "GET /\\x1B[31mred HTTP/1.1");
        loggedAs.put("GET /tab\there HTTP/1.1", "GET /tab\\x09here HTTP/1.1");
        loggedAs.put("GET /del\u007F HTTP/1.1", "GET /del\\x7F HTTP/1.1");
        // UTF-8 sent raw instead of percent-encoded: every byte from 0x80 up is escaped.
        loggedAs.put("GET /caf\u00C3\u00A9 HTTP/1.1", "GET /caf\\xC3\\xA9 HTTP/1.1");
        List<String> expected = new ArrayList<>();

        loggedAs.forEach((sent, logged) -> expected.add(logged + " " + withRequestLine(server, sent).status()));

        assertThat(accessLog(dir).awaitLines(loggedAs.size())).as("one line per request, no more")
                .extracting(line -> line.request() + " " + line.status())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @DisplayName("A connection refused before a whole request line came is logged as \"-\": 503 if busy, 408 if slow")
    @Tag("step5.5")
    void refusedBeforeTheRequestLine(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO),
                "\"maxConnections\": 1", "\"headerTimeoutMs\": 500");
        WireResponse busy;
        WireResponse timedOut;

        try (RawConnection unfinished = server.raw().open()) {
            unfinished.write("GET /hel");
            busy = get(server, "/hello.txt");
            timedOut = unfinished.readResponse();
        }

        assertThat(busy.status()).isEqualTo(503);
        assertThat(timedOut.status()).isEqualTo(408);
        assertThat(accessLog(dir).awaitLines(2)).extracting(Line::outcome)
                .containsExactlyInAnyOrder("- 503 " + bytesSent(busy), "- 408 " + bytesSent(timedOut));
    }

    @Test
    @DisplayName("A request line longer than maxRequestBytes is logged as \"-\" with 414 (RFC 9110 §15.5.15)")
    @Tag("step5.1")
    void requestLineTooLong(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, site(dir, "hello.txt", HELLO), "\"maxRequestBytes\": 256");

        WireResponse response = get(server, "/hello.txt?" + "q".repeat(300));

        assertThat(response.status()).isEqualTo(414);
        assertThat(onlyLine(dir).outcome()).isEqualTo("- 414 " + bytesSent(response));
    }

    @Test
    @DisplayName("Without \"accessLog\" the log is logs/access.log in the settings file's folder")
    @Tag("step5.1")
    void defaultLocation(Servers servers, @TempDir Path dir) {
        TestServer server = startedWithSettings(servers, dir, site(dir, "hello.txt", HELLO));

        get(server, "/hello.txt");

        assertThat(new AccessLogFile(dir.resolve("logs/access.log")).awaitLines(1)).extracting(Line::outcome)
                .containsExactly("GET /hello.txt HTTP/1.1 200 " + HELLO.length());
    }

    @Test
    @DisplayName("A relative \"accessLog\" is relative to the settings file's folder; missing folders are created")
    @Tag("step5.1")
    void relativeToTheSettingsFile(Servers servers, @TempDir Path dir) {
        Path settings = settingsServing(dir.resolve("conf"), site(dir, "hello.txt", HELLO),
                "\"accessLog\": \"../var/log/lowweb/access.log\"");
        TestServer server = servers.startedWith("--config", settings.toString());

        get(server, "/hello.txt");

        assertThat(new AccessLogFile(dir.resolve("var/log/lowweb/access.log")).awaitLines(1))
                .extracting(Line::outcome).containsExactly("GET /hello.txt HTTP/1.1 200 " + HELLO.length());
    }

    /** The one line the log must hold after one request: a second line would mean the request broke a line. */
    private static Line onlyLine(Path dir) {
        List<Line> lines = accessLog(dir).awaitLines(1);
        assertThat(lines).as("lines in the access log").hasSize(1);
        return lines.getFirst();
    }

    /** The log's bytes field for a response: its body's length, or - when it had none. */
    private static String bytesSent(WireResponse response) {
        return response.body().length == 0 ? "-" : Integer.toString(response.body().length);
    }
}
