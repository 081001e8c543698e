package lowweb.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts servers of the stage under test with a folder or flags chosen by the test. Against a running server
 * ({@code -Dserver.url}) nothing can be started, so such tests are skipped with the reason.
 */
public final class Servers {

    private final LaunchCommand command;
    private final Transcript transcript;
    private final ServerRegistry registry;
    private ServerProcess lastProcess;

    Servers(LaunchCommand command, Transcript transcript, ServerRegistry registry) {
        this.command = command;
        this.transcript = transcript;
        this.registry = registry;
    }

    /** A server that serves {@code root}: {@code --port 0 --root ROOT}, or the launch command's placeholders. */
    public TestServer serving(Path root) {
        requireLaunch("serves a folder of its own");
        return start(command, root, List.of("--port", "0", "--root", root.toString()));
    }

    /** A server started with exactly these flags, e.g. {@code --config settings.json}. */
    public TestServer startedWith(String... flags) {
        requireLaunch("starts the server with flags of its own");
        requireArguments();
        return start(command, Path.of("."), List.of(flags));
    }

    /**
     * A server started with these flags whose JVM gets {@code javaOptions}, such as {@code -Xmx64m}. Skipped for a
     * launch command that does not start {@code {java}} itself, since it has no place for them.
     */
    public TestServer startedWithJavaOptions(List<String> javaOptions, String... flags) {
        requireLaunch("starts the server's JVM with options of its own");
        requireArguments();
        assumeTrue(command.acceptsJavaOptions(),
                "skipped: this test gives the server's JVM options " + javaOptions + "; start -Dserver.command with"
                        + " {java} so that they have a place");
        return start(command.withJavaOptions(javaOptions), Path.of("."), List.of(flags));
    }

    /**
     * A server started with these flags by {@code prefix}, a program that sets something up and then runs the
     * command, such as {@code prlimit --nofile=128 --}.
     */
    public TestServer startedUnder(List<String> prefix, String... flags) {
        requireLaunch("starts the server under " + String.join(" ", prefix));
        requireArguments();
        return start(command.withPrefix(prefix), Path.of("."), List.of(flags));
    }

    /** How a server started in surroundings of the test's choosing turned out: serving, or refusing to start. */
    public sealed interface Start {
    }

    /** The server came up and serves. */
    public record Serving(TestServer server) implements Start {
    }

    /** The server exited instead of serving. */
    public record Refused(Exit exit) implements Start {
    }

    /**
     * A server serving {@code root}, started with these environment variables set, such as a locale. It may refuse to
     * start, which some tests accept as an answer of its own.
     */
    public Start servingWithEnvironment(Path root, Map<String, String> environment) {
        requireLaunch("starts the server with environment variables of its own");
        int chosenPort = command.choosesPort() ? LaunchCommand.freePort() : 0;
        ServerProcess process = ServerProcess.start(
                command.expand(root, chosenPort, List.of("--port", "0", "--root", root.toString())), environment);
        registry.add(process);
        lastProcess = process;
        String host = "127.0.0.1";
        if (!process.comesUp(host, chosenPort)) {
            return new Refused(process.awaitExit(ServerProcess.EXIT_WAIT));
        }
        int port = command.choosesPort() ? chosenPort : process.awaitListeningPort();
        return new Serving(new TestServer(host, port, root, transcript, process));
    }

    /** Runs the server with these flags and waits for it to stop by itself, as it must for bad settings. */
    public Exit exitOf(String... flags) {
        requireLaunch("checks how the server refuses bad flags or settings");
        requireArguments();
        ServerProcess process = ServerProcess.start(command.expand(Path.of("."), 0, List.of(flags)));
        registry.add(process);
        return process.awaitExit(ServerProcess.EXIT_WAIT);
    }

    private TestServer start(LaunchCommand launch, Path root, List<String> flags) {
        int chosenPort = launch.choosesPort() ? LaunchCommand.freePort() : 0;
        ServerProcess process = ServerProcess.start(launch.expand(root, chosenPort, flags));
        registry.add(process);
        lastProcess = process;
        String host = "127.0.0.1";
        int port;
        if (launch.choosesPort()) {
            process.awaitAccepting(host, chosenPort);
            port = chosenPort;
        } else {
            port = process.awaitListeningPort();
        }
        return new TestServer(host, port, root, transcript, process);
    }

    ServerProcess lastProcess() {
        return lastProcess;
    }

    private static void requireLaunch(String why) {
        assumeTrue(LaunchCommand.runningServerUrl().isEmpty(),
                "skipped: this test " + why + ", which a running server (-Dserver.url) cannot do;"
                        + " use -Dserver.command to let the suite start your server");
    }

    private void requireArguments() {
        assumeTrue(command.acceptsArguments(),
                "skipped: this test passes its own flags to the server; put {args} in -Dserver.command"
                        + " where they belong");
    }
}
