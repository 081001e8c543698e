package lowweb.conformance;

import static io.restassured.RestAssured.given;

import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server a test talks to, as the test sees it: where it listens, a raw client whose bytes go into this test's
 * transcript, and a REST-assured request already aimed at it.
 */
public final class TestServer {

    private static final Duration PROBE_PAUSE = Duration.ofMillis(50);

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

    /**
     * A REST-assured request to this server, for tests about what a response means rather than its bytes. Like the
     * raw requests ({@link Requests}) it asks for {@code Connection: close}, so the connection ends with the response
     * in every stage, and it does not offer gzip, so the body is the file's own bytes. The exchange goes into the
     * test's transcript, shown if the test fails.
     */
    public RequestSpecification rest() {
        return given()
                .config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .filter(new TranscriptFilter(transcript, authority()))
                .baseUri("http://" + host)
                .port(port)
                .urlEncodingEnabled(false)
                .header("Connection", "close");
    }

    /** Whether the server process is still running; always true for a server the suite did not start. */
    public boolean isRunning() {
        return process == null || process.isAlive();
    }

    /** Everything the server printed so far; empty for a server the suite did not start. */
    public String output() {
        return process == null ? "" : process.output();
    }

    /**
     * Sends the server SIGTERM, as {@code kill PID} or a service manager does, and returns at once: a test can go on
     * talking to a server that is shutting down. {@link #awaitExit} waits for the end.
     */
    public void terminate() {
        started().terminate();
    }

    /** Waits for a server told to stop to exit, and returns how it ended; fails if it still runs after {@code wait}. */
    public Exit awaitExit(Duration wait) {
        return started().awaitExit(wait);
    }

    /** Waits for a server told to stop to exit, as long as {@link ServerProcess#EXIT_WAIT} allows. */
    public Exit awaitExit() {
        return awaitExit(ServerProcess.EXIT_WAIT);
    }

    /** SIGTERM, then waits for the exit. */
    public Exit stop() {
        terminate();
        return awaitExit();
    }

    /**
     * Whether a new connection is refused within {@code wait}, as it is once the server has closed its listening
     * socket. A connection that still gets in is closed at once, without a request, and the next one tried.
     */
    public boolean refusesConnectionsWithin(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(host, port), (int) wait.toMillis());
            } catch (ConnectException e) {
                return true;
            } catch (IOException e) {
                // A time-out or a reset says nothing yet: try again until the deadline.
            }
            try {
                Thread.sleep(PROBE_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private ServerProcess started() {
        if (process == null) {
            throw new IllegalStateException("the suite did not start this server, so it cannot stop it");
        }
        return process;
    }
}
