package lowweb.conformance;

import static io.restassured.RestAssured.given;

import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.file.Path;

/**
 * The server a test talks to, as the test sees it: where it listens, a raw client whose bytes go into this test's
 * transcript, and a REST-assured request already aimed at it.
 */
public final class TestServer {

    private final String host;
    private final int port;
    private final Path root;
    private final Transcript transcript;
    private final ServerProcess process;

    TestServer(String host, int port, Path root, Transcript transcript, ServerProcess process) {
        this.host = host;
        this.port = port;
        this.root = root;
        this.transcript = transcript;
        this.process = process;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The {@code Host} header value for this server, e.g. {@code 127.0.0.1:8080}. */
    public String authority() {
        return host + ":" + port;
    }

    public URI uri(String path) {
        return URI.create("http://" + authority() + path);
    }

    /** The folder this server serves, for comparing served bytes with the files themselves. */
    public Path root() {
        return root;
    }

    public RawClient raw() {
        return new RawClient(host, port, transcript);
    }

    /** A REST-assured request to this server that logs the whole exchange if a check fails. */
    public RequestSpecification rest() {
        return given()
                .config(RestAssuredConfig.config().logConfig(LogConfig.logConfig()
                        .enableLoggingOfRequestAndResponseIfValidationFails()))
                .baseUri("http://" + host)
                .port(port)
                .urlEncodingEnabled(false);
    }

    /** Whether the server process is still running; always true for a server the suite did not start. */
    public boolean isRunning() {
        return process == null || process.isAlive();
    }

    /** Everything the server printed so far; empty for a server the suite did not start. */
    public String output() {
        return process == null ? "" : process.output();
    }
}
