package lowweb.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static lowweb.conformance.PlantedSite.delete;
import static lowweb.conformance.PlantedSite.file;
import static lowweb.conformance.PlantedSite.text;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import lowweb.conformance.AccessLogFile.Line;
import lowweb.conformance.ClientProgram.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rest of the suite talks to the server with a hand-written client, byte by byte; these tests check the other
 * half: that programs people really use get along with it. One server serves a copy of {@code shared-site}, with a
 * secret planted beside it, to headless Chromium, curl, ApacheBench and h2load in turn; then it must still answer,
 * stop on SIGTERM without a stack trace, and have written one access-log line per request, which goaccess reads.
 * The tests run in order and count the requests they send. Each one is skipped, with the reason, when its program is
 * not installed ({@code tools/install-real-clients.sh} installs them all); their outputs, the browser's screenshots
 * and goaccess's report go to {@code target/real-clients/}. Every request goes to 127.0.0.1.
 */
@Tag("clients")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(ServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Real clients: a browser, curl, ab, h2load and goaccess get along with the server")
class RealClientsTest {

    private static final int AB_REQUESTS = 5000;
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final Duration BROWSER_LIMIT = Duration.ofMinutes(4);
    /** The browser's driver, run with node; puppeteer-core sits in the node_modules folder beside it. */
    private static final Path BROWSER_DRIVER =
            Path.of(System.getProperty("browser.driver", "../tools/real-clients/browser.mjs")).toAbsolutePath();
    /** What Chromium loaded, found wrong and sent, written by the driver. */
    private static final Path BROWSER_REPORT = file("browser.json");
    private static final Path ACCESS_LOG = file("access.log");
    private static final Pattern STATUS = Pattern.compile("^status (\\d{3})$", Pattern.MULTILINE);
    private static final Pattern PASSWD = Pattern.compile("^root:.*:0:0:", Pattern.MULTILINE);
    /** A line of a stack trace, or an exception's name: the server reports a failure in one line of its own. */
    private static final Pattern STACK_TRACE =
            Pattern.compile("Exception|^\\s+at [\\w$.]+\\(|^Caused by: ", Pattern.MULTILINE);

    private final String secret = "secret-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private TestServer server;
    private int requestsSent;
    private boolean everyRequestCounted = true;

    /**
     * Serves the {@link PlantedSite} and writes the access log beside it. A connection may carry all the requests
     * h2load pipelines into it: h2load counts those behind a closing response as failed, although the server did
     * nothing wrong.
     */
    @BeforeAll
    void start(Servers servers) {
        PlantedSite.plant(secret);
        Path settings = PlantedSite.settings("""
                {
                  "host": "127.0.0.1",
                  "port": 0,
                  "root": "site",
                  "accessLog": "access.log",
                  "maxRequestsPerConnection": 10000
                }
                """);
        server = servers.startedWith("--config", settings.toString());
    }

    @Test
    @Order(1)
    @DisplayName("curl gets the marker planted in the served copy: the refusals below are about the paths alone")
    void servesTheCopy() {
        Run run = curl("marker.log", "--output", output("marker-body.txt"), url(PlantedSite.MARKER));

        assertThat(status(run)).as("status of " + PlantedSite.MARKER + run.shown()).isEqualTo(200);
        assertThat(text(file("marker-body.txt"))).as("body of " + PlantedSite.MARKER + run.shown())
                .isEqualTo(PlantedSite.markerText(secret));
    }

    @Test
    @Order(2)
    @DisplayName("Headless Chromium loads /, /cyrillic.html and a missing page: every resource 2xx with the"
            + " Content-Type of its extension, every image decoded, the site's own 404 page (RFC 9110 §8.3, §15.5.5)")
    void browser() {
        ClientProgram node = ClientProgram.required("node", "nodejs")
                .with("CHROMIUM", ClientProgram.installed("chromium", "chromium").toString());
        assumeTrue(Files.isDirectory(BROWSER_DRIVER.resolveSibling("node_modules/puppeteer-core")),
                "skipped: puppeteer-core is not installed in " + BROWSER_DRIVER.resolveSibling("node_modules")
                        + "; tools/install-real-clients.sh installs it");

        Run run = node.run(BROWSER_LIMIT, "browser.log", BROWSER_DRIVER.toString(),
                "--base", url(""), "--out", PlantedSite.FOLDER.toString());

        if (!Files.isRegularFile(BROWSER_REPORT)) {
            everyRequestCounted = false;
            throw new AssertionError("the browser driver stopped before it wrote " + BROWSER_REPORT + run.shown());
        }
        JsonPath report = JsonPath.from(BROWSER_REPORT.toFile());
        requestsSent += report.getInt("requestsSent");
        assertThat(report.getList("problems", String.class)).as("what Chromium found wrong; screenshots in "
                + PlantedSite.FOLDER + run.shown()).isEmpty();
        run.succeeded();
    }

    @Test
    @Order(3)
    @DisplayName("curl fetches two files over one connection: an HTTP/1.1 connection persists (RFC 9112 §9.3)")
    void keepAlive() {
        Run run = curl("keepalive.log", "--http1.1", "--verbose",
                "--output", output("keepalive-1.txt"), "--output", output("keepalive-2.txt"),
                url("/hello.txt"), url("/robots.txt"));

        assertThat(STATUS.matcher(run.output()).results().map(result -> result.group(1)))
                .as("statuses of /hello.txt and /robots.txt" + run.shown()).containsExactly("200", "200");
        assertThat(file("keepalive-1.txt")).as("body of /hello.txt" + run.shown())
                .hasSameBinaryContentAs(siteFile("hello.txt"));
        assertThat(file("keepalive-2.txt")).as("body of /robots.txt" + run.shown())
                .hasSameBinaryContentAs(siteFile("robots.txt"));
        // curl 7 says "Re-using existing connection", curl 8 "Reusing existing connection".
        assertThat(run.output()).as("curl's report of the second request: the server closed the first connection"
                + run.shown()).containsPattern("Re-?using existing connection");
    }

    /** {@code {abs}} stands for the absolute path of the folder around the root without its leading slash. */
    @ParameterizedTest(name = "[{index}] {0}")
    @Order(4)
    @ValueSource(strings = {
        "/../secret.txt", "/../secret.html", "/./../secret.txt", "/css/../../secret.txt",
        "/../../../../../../../../../../../../etc/passwd",
        "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/.%2e/secret.txt", "/%2e./secret.txt",
        "/img/%2e%2e/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/..%2fsecret.txt", "/..%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/%2e%2e%2fsecret.txt", "/%2e%2e%2fetc/passwd",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd", "///etc/passwd", "/%2fetc%2fpasswd", "/%2Fetc/passwd",
        "/..\\secret.txt", "/..\\..\\..\\..\\..\\..\\..\\etc\\passwd", "/\\..\\secret.txt", "/%5c..%5csecret.txt",
        "/..%5csecret.txt", "/..%5C..%5C..%5C..%5C..%5C..%5C..%5Cetc%5Cpasswd", "/css\\..\\..\\secret.txt",
        "/%252e%252e/secret.txt", "/%252e%252e%252fsecret.txt",
        "/..%c0%afsecret.txt", "/%c0%ae%c0%ae/secret.txt", "/..%00/secret.txt", "/../secret.txt%00.html",
        "/..;/secret.txt", "/../site-private/secret.txt", "/%2e%2e/site-private/secret.txt",
        "/../../../../../../../../../../{abs}/secret.txt", "//{abs}/secret.txt", "/%2f{abs%2f}%2fsecret.txt",
        "/outside.txt", "/outside/secret.txt", "/outside/site-private/secret.txt",
    })
    @DisplayName("curl --path-as-is cannot climb out of the root: 400, 403 or 404, never a file from outside"
            + " (RFC 9110 §17.3, RFC 3986 §5.2.4)")
    void traversal(String target) {
        String abs = PlantedSite.FOLDER.toString().substring(1);
        String path = target.replace("{abs}", abs).replace("{abs%2f}", abs.replace("/", "%2f"));

        Path bodyFile = file("traversal-body.txt");
        delete(bodyFile);

        Run run = curl("traversal.log", "--path-as-is", "--output", bodyFile.toString(), url(path));

        String body = text(bodyFile);
        assertThat(body).as("body of %s: a file from outside the root%s", path, run.shown())
                .doesNotContain(secret)
                .doesNotContainPattern(PASSWD);
        assertThat(status(run)).as("status of %s%s", path, run.shown()).isIn(400, 403, 404);
    }

    /** ApacheBench speaks HTTP/1.0 and keeps a connection only when a response says {@code keep-alive}. */
    @Test
    @Order(5)
    @DisplayName("ApacheBench -k: 5000 requests, none failed, every body the file's length, connections kept alive"
            + " (RFC 9112 §9.3, Appendix C.2.2)")
    void apacheBench() {
        ClientProgram ab = ClientProgram.required("ab", "apache2-utils");
        long size = size(siteFile("index.html"));

        Run run = ab.run(LIMIT, "ab.log", "-k", "-r", "-n", Integer.toString(AB_REQUESTS), "-c", "10", "-s", "30",
                url("/index.html"));
        requestsSent += AB_REQUESTS;

        run.succeeded();
        assertThat(run.numberAfter("Complete requests")).as("Complete requests" + run.shown()).isEqualTo(AB_REQUESTS);
        assertThat(run.numberAfter("Failed requests")).as("Failed requests" + run.shown()).isZero();
        assertThat(run.output()).as("ab's report" + run.shown()).doesNotContain("Non-2xx responses");
        assertThat(run.numberAfter("Document Length")).as("Document Length" + run.shown()).isEqualTo(size);
        assertThat(run.numberAfter("HTML transferred")).as("HTML transferred, in bytes" + run.shown())
                .isEqualTo(AB_REQUESTS * size);
        assertThat(run.numberAfter("Keep-Alive requests")).as("Keep-Alive requests: the server closed every connection"
                + " ab asked to keep (HTTP/1.0 with Connection: keep-alive)" + run.shown()).isPositive();
    }

    @ParameterizedTest(name = "{0}: {1} requests over {2} connections")
    @Order(6)
    @CsvSource({"/hello.txt, 10000, 4", "/img/photo.jpg, 1000, 2"})
    @DisplayName("h2load --h1 -m 8 pipelines 8 requests per connection: every one answered 2xx, in order, with the"
            + " exact bytes (RFC 9112 §9.3.2)")
    void h2load(String path, int requests, int connections) {
        ClientProgram h2load = ClientProgram.required("h2load", "nghttp2-client");
        long size = size(siteFile(path.substring(1)));

        Run run = h2load.run(LIMIT, "h2load" + path.replace('/', '-') + ".log", "--h1", "-n",
                Integer.toString(requests), "-c", Integer.toString(connections), "-m", "8", url(path));
        requestsSent += requests;

        run.succeeded();
        assertThat(run.lineStartingWith("requests:")).as("h2load's count of requests" + run.shown()).isEqualTo(
                "requests: %d total, %d started, %d done, %d succeeded, 0 failed, 0 errored, 0 timeout".formatted(
                        requests, requests, requests, requests));
        assertThat(run.lineStartingWith("status codes:")).as("h2load's count of statuses" + run.shown())
                .isEqualTo("status codes: %d 2xx, 0 3xx, 0 4xx, 0 5xx".formatted(requests));
        Matcher data = Pattern.compile("\\((\\d+)\\) data$").matcher(run.lineStartingWith("traffic:"));
        assertThat(data.find() ? Long.parseLong(data.group(1)) : -1).as("body bytes received" + run.shown())
                .isEqualTo(requests * size);
    }

    @Test
    @Order(7)
    @DisplayName("After all those clients, GET / still gives 200 with index.html")
    void stillAnswers() {
        Run run = curl("final.log", "--output", output("final.html"), url("/"));

        assertThat(status(run)).as("status of GET /" + run.shown()).isEqualTo(200);
        assertThat(file("final.html")).as("body of GET /" + run.shown())
                .hasSameBinaryContentAs(siteFile("index.html"));
    }

    @Test
    @Order(8)
    @DisplayName("SIGTERM stops the server, and its output holds no stack trace: a failure is reported in one line")
    void stopsWithoutStackTrace() {
        Exit exit = server.stop();

        String output = exit.stdout() + exit.stderr();
        List<String> traces = output.lines().filter(line -> STACK_TRACE.matcher(line).find()).limit(20).toList();
        assertThat(traces).as("lines of a stack trace in the server's output:\n" + output).isEmpty();
    }

    @Test
    @Order(9)
    @DisplayName("goaccess reads every line of the access log as the Common Log Format, none failed")
    void goaccessReadsTheLog() {
        ClientProgram goaccess = ClientProgram.required("goaccess", "goaccess");
        stopped();
        long lines = text(ACCESS_LOG).lines().count();
        assumeTrue(lines > 0, "skipped: the access log is empty: no client sent a request");

        Run run = goaccess.run(LIMIT, "goaccess.log", ACCESS_LOG.toString(), "--log-format=COMMON",
                "--no-global-config", "--no-progress", "-o", output("report.json"), "-o", output("report.html"))
                .succeeded();

        // The report quotes request lines byte for byte, and some traversal attempts sent bytes that are not UTF-8.
        JsonPath general = JsonPath.from(text(file("report.json"))).setRootPath("general");
        assertThat(general.getLong("failed_requests")).as("lines goaccess failed to read" + run.shown()).isZero();
        assertThat(general.getLong("valid_requests")).as("requests goaccess read from " + lines + " lines"
                + run.shown()).isEqualTo(lines);
    }

    @Test
    @Order(10)
    @DisplayName("The access log has one line per request the clients sent, each from 127.0.0.1")
    void oneLinePerRequest() {
        stopped();
        assumeTrue(everyRequestCounted,
                "skipped: the browser driver stopped before it told how many requests it sent");

        List<Line> lines = new AccessLogFile(ACCESS_LOG).lines();

        Map<Integer, Long> statuses = lines.stream()
                .collect(Collectors.groupingBy(Line::status, TreeMap::new, Collectors.counting()));
        assertThat(lines.size()).as("lines in %s (by status: %s), one per request sent", ACCESS_LOG, statuses)
                .isEqualTo(requestsSent);
        assertThat(lines).extracting(Line::client).as("clients in the access log other than 127.0.0.1")
                .filteredOn(client -> !client.equals("127.0.0.1")).isEmpty();
    }

    /**
     * Runs curl, which reports each URL's status on a line of its own, {@code status 200}, and counts one request
     * for each URL it tried: {@code status 000} when none came back.
     */
    private Run curl(String outputName, String... arguments) {
        List<String> all = Stream.concat(Stream.of("--silent", "--show-error", "--max-time", "20",
                "--write-out", "\\nstatus %{http_code}\\n"), Stream.of(arguments)).toList();
        Run run = ClientProgram.required("curl", "curl").run(LIMIT, outputName, all.toArray(String[]::new));
        requestsSent += (int) STATUS.matcher(run.output()).results().count();
        return run;
    }

    /** The status curl reported with {@code --write-out}; fails when there is none. */
    private static int status(Run run) {
        Matcher matcher = STATUS.matcher(run.output());
        if (!matcher.find()) {
            throw new AssertionError("curl reported no status" + run.shown());
        }
        return Integer.parseInt(matcher.group(1));
    }

    private String url(String path) {
        return "http://" + server.authority() + path;
    }

    private void stopped() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    private static String output(String name) {
        return file(name).toString();
    }

    private Path siteFile(String relative) {
        return ServerExtension.sharedSite().resolve(relative);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
