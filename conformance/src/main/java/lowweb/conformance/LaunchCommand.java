package lowweb.conformance;

import java.net.ServerSocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the suite starts a server, chosen by system properties:
 * <ul>
 *   <li>{@code -Dserver.url=http://127.0.0.1:8080}: a server someone else runs, serving {@code shared-site}; the
 *       suite starts nothing, and tests that need their own files or flags are skipped;</li>
 *   <li>{@code -Dserver.command="python3 server.py --port {port} --root {root}"}: any program; {@code {port}} becomes
 *       a free port, {@code {root}} the folder to serve, {@code {args}} the suite's own flags (for example
 *       {@code --port 0 --root DIR} or {@code --config FILE}), {@code {java}} the JDK running the tests;</li>
 *   <li>neither: the stage's own server, {@code {java} <QUICK_START> -cp <test class path> lowweb.Main {args}}.</li>
 * </ul>
 * Without {@code {port}}, the server must print {@code Listening on http://HOST:PORT/} (stage 1:
 * {@code tcp://HOST:PORT}) as its first line of output, and the suite reads the port from it. A test that needs JVM
 * options for the server, such as a small heap, puts them right after {@code {java}}; a command without
 * {@code {java}} has no place for them.
 */
record LaunchCommand(List<String> template) {

    static final String URL_PROPERTY = "server.url";
    static final String COMMAND_PROPERTY = "server.command";
    /**
     * A test's server lives for seconds and serves a few requests: with the quick compiler alone and the serial
     * collector it takes a third less processor time than the JVM's defaults, which spend it compiling code and
     * starting collector threads that such a short life never pays back. The answers are the same.
     */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The running server of {@code -Dserver.url}, if one was given. */
    static Optional<String> runningServerUrl() {
        return Optional.ofNullable(System.getProperty(URL_PROPERTY)).filter(url -> !url.isBlank());
    }

    static LaunchCommand fromSystemProperties() {
        String command = System.getProperty(COMMAND_PROPERTY);
        if (command != null && !command.isBlank()) {
            return new LaunchCommand(split(command));
        }
        String main = System.getProperty("server.main", "lowweb.Main");
        List<String> own = new ArrayList<>(List.of("{java}"));
        own.addAll(QUICK_START);
        own.addAll(List.of("-cp", System.getProperty("java.class.path"), main, "{args}"));
        return new LaunchCommand(own);
    }

    boolean acceptsArguments() {
        return template.contains("{args}");
    }

    /** Whether the command runs a JVM the suite chooses, so that JVM options can go right after {@code {java}}. */
    boolean acceptsJavaOptions() {
        return template.contains("{java}");
    }

    /** The same command with {@code options} right after {@code {java}}, before the class or jar it runs. */
    LaunchCommand withJavaOptions(List<String> options) {
        List<String> command = new ArrayList<>();
        for (String token : template) {
            command.add(token);
            if (token.equals("{java}")) {
                command.addAll(options);
            }
        }
        return new LaunchCommand(command);
    }

    /** The same command run by another program, such as {@code prlimit --nofile=128 --}, that starts it. */
    LaunchCommand withPrefix(List<String> prefix) {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(template);
        return new LaunchCommand(command);
    }

    boolean choosesPort() {
        return template.stream().anyMatch(token -> token.contains("{port}"));
    }

    /** The command for a server on {@code root} with the given flags; {@code port} replaces {@code {port}}. */
    List<String> expand(Path root, int port, List<String> arguments) {
        List<String> command = new ArrayList<>();
        for (String token : template) {
            if (token.equals("{args}")) {
                command.addAll(arguments);
            } else {
                command.add(token
                        .replace("{java}", javaExecutable())
                        .replace("{root}", root.toString())
                        .replace("{port}", Integer.toString(port)));
            }
        }
        return command;
    }

    /** The same JDK that runs the tests, so the server runs on the JDK the build selected. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits a command like a shell would for simple cases: white space separates, quotes group. */
    static List<String> split(String command) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    tokens.add(current.toString());
                    current.setLength(0);
                    inToken = false;
                }
            } else {
                current.append(c);
                inToken = true;
            }
        }
        if (inToken) {
            tokens.add(current.toString());
        }
        return tokens;
    }
}
