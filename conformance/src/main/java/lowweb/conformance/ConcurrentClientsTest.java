package lowweb.conformance;

import static lowweb.conformance.AccessLogFile.accessLog;
import static lowweb.conformance.Fingerprints.fingerprint;
import static lowweb.conformance.Requests.get;
import static lowweb.conformance.ServerExtension.sharedSite;
import static lowweb.conformance.SettingsFiles.startedWithLog;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every connection is served on a virtual thread of its own: a client that is slow, or silent, holds back nobody
 * else, and many clients at once each get exactly their own file. The servers serve {@code shared-site}.
 */
@Tag("stage5")
@Timeout(30)
@ExtendWith(ServerExtension.class)
@DisplayName("Stage 5: every connection is served on a thread of its own (course requirement, stage 5)")
class ConcurrentClientsTest {

    private static final int CLIENTS = 200;
    /** Files of every kind and size in shared-site, percent-encoded names among them (RFC 3986 §2.1). */
    private static final List<String> TARGETS = List.of(
            "/index.html", "/css/style.css", "/js/headers.js", "/img/logo.png", "/img/photo.jpg", "/img/large.png",
            "/data/info.json", "/files/hello%20world.txt", "/files/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82.txt",
            "/robots.txt");

    static Stream<Named<Function<TestServer, RawConnection>>> stalledClients() {
        return Stream.of(
                Named.of("stays connected and sends nothing", server -> server.raw().open()),
                Named.of("has sent half a request head and waits", Requests::halfHead));
    }

    @ParameterizedTest(name = "[{index}] while one client {0}")
    @MethodSource("stalledClients")
    @DisplayName("While one client stalls, another gets its whole 200 response within one second")
    @Tag("step5.2")
    void stalledClientHoldsBackNobody(Function<TestServer, RawConnection> stall, Servers servers,
            @TempDir Path dir) {
        TestServer server = startedWithLog(servers, dir, sharedSite());
        // A first request loads the server's classes, so that the second one measures waiting, not warming up.
        assertThat(get(server, "/hello.txt").status()).isEqualTo(200);

        try (RawConnection stalled = stall.apply(server)) {
            long start = System.nanoTime();
            WireResponse other = get(server, "/index.html");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(other.status()).isEqualTo(200);
            assertThat(elapsed).as("time until the other client had its whole response")
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    @DisplayName("200 clients at once each get their own file, byte for byte, and the log has one whole line each")
    @Tag("step5.2")
    void manyClientsAtOnce(Servers servers, @TempDir Path dir) throws Exception {
        TestServer server = startedWithLog(servers, dir, sharedSite());
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            targets.add(TARGETS.get(i % TARGETS.size()));
        }

        List<WireResponse> responses = getAllAtOnce(server, targets);

        List<String> expectedLines = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Path file = fileOf(targets.get(i));
            assertThat(responses.get(i).status()).as("status of %s", targets.get(i)).isEqualTo(200);
            assertThat(fingerprint(responses.get(i).body())).as("body of %s", targets.get(i))
                    .isEqualTo(fingerprint(file));
            expectedLines.add("GET " + targets.get(i) + " HTTP/1.1 200 " + Files.size(file));
        }
        assertThat(accessLog(dir).awaitLines(CLIENTS)).extracting(AccessLogFile.Line::outcome)
                .containsExactlyInAnyOrderElementsOf(expectedLines);
    }

    /** Starts one virtual thread per target; they all wait for one signal, then connect and GET at the same time. */
    private static List<WireResponse> getAllAtOnce(TestServer server, List<String> targets)
            throws InterruptedException, ExecutionException {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<WireResponse>> pending = new ArrayList<>();
            for (String target : targets) {
                pending.add(clients.submit(() -> {
                    go.await();
                    return get(server, target);
                }));
            }
            go.countDown();
            List<WireResponse> responses = new ArrayList<>();
            for (Future<WireResponse> response : pending) {
                responses.add(response.get());
            }
            return responses;
        }
    }

    /** The file a target names: its path percent-decoded as UTF-8 (RFC 3986 §2.1), in shared-site. */
    private static Path fileOf(String target) {
        return sharedSite().resolve(URI.create(target).getPath().substring(1));
    }
}
