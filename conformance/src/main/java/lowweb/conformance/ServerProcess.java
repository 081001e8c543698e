package lowweb.conformance;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server started as a separate process; its output is kept for failure reports. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on (?:http|tcp)://([^/:]+):(\\d+)");
    private static final Duration STARTUP = Duration.ofSeconds(20);
    /**
     * How long a server told to stop, or refusing its settings, may take to exit: long enough to finish a response of
     * 50 MiB on a slow machine, and well within the 30 s a stopping server gives the responses under way.
     */
    static final Duration EXIT_WAIT = Duration.ofSeconds(15);
    private static final int REPORTED_LINES = 60;

    private final List<String> command;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();
    private final CompletableFuture<String> firstLine = new CompletableFuture<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ServerProcess(List<String> command, Process process) {
        this.command = command;
        this.process = process;
        this.stdoutReader = Thread.ofPlatform().daemon().start(() -> pump(process.getInputStream(), stdout, ""));
        this.stderrReader = Thread.ofPlatform().daemon().start(() -> pump(process.getErrorStream(), stderr, "err| "));
    }

    /**
     * Starts the command in the folder named by {@code -Dserver.directory}, or in the current one. A stage reads the
     * {@code settings.json} of the folder it starts in, so a server of another stage must start in its own folder:
     * the settings of a later stage may hold keys it has never heard of.
     */
    static ServerProcess start(List<String> command) {
        return start(command, Map.of());
    }

    /** Starts the command as {@link #start(List)} does, with these environment variables set or replaced. */
    static ServerProcess start(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        String directory = System.getProperty("server.directory", "");
        if (!directory.isBlank()) {
            builder.directory(new File(directory));
        }
        try {
            return new ServerProcess(command, builder.start());
        } catch (IOException e) {
            throw new AssertionError("cannot start the server: " + String.join(" ", command) + ": " + e.getMessage());
        }
    }

    /** Waits for the {@code Listening on ...} line and returns the port it names. */
    int awaitListeningPort() {
        String line;
        try {
            line = firstLine.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server printed no line within " + STARTUP.toSeconds() + " s" + report());
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError("the server ended before printing its first line" + report());
        }
        Matcher matcher = LISTENING.matcher(line);
        if (!matcher.find()) {
            throw new AssertionError("the server's first line must be \"Listening on http://127.0.0.1:PORT/\", got \""
                    + line + "\"" + report());
        }
        return Integer.parseInt(matcher.group(2));
    }

    /**
     * Whether the server comes up, for a test that accepts a refusal to start too: true once it printed its first
     * line (or, when it was given {@code port}, accepts connections there), false once it exited instead.
     */
    boolean comesUp(String host, int port) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (port == 0 ? firstLine.isDone() && !firstLine.isCompletedExceptionally() : accepts(host, port)) {
                return true;
            }
            if (!process.isAlive()) {
                return false;
            }
            sleep(Duration.ofMillis(50));
        }
        throw new AssertionError("the server neither started nor exited within " + STARTUP.toSeconds() + " s"
                + report());
    }

    private static boolean accepts(String host, int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** For a server given a port: waits until it accepts connections. */
    void awaitAccepting(String host, int port) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with status " + process.exitValue() + report());
            }
            if (accepts(host, port)) {
                return;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("the server did not accept connections on port " + port + report());
    }

    /**
     * Waits for a process that is expected to stop, by itself (a server refusing its settings) or because it was
     * told to ({@link #terminate}).
     */
    Exit awaitExit(Duration wait) {
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new AssertionError("the server was expected to exit but still ran after " + wait.toSeconds()
                        + " s" + report());
            }
            stdoutReader.join(Duration.ofSeconds(2));
            stderrReader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Exit(process.exitValue(), stdout.toString(), stderr.toString());
    }

    /**
     * Asks the server to stop the way {@code kill PID} and service managers do: SIGTERM on Unix, which lets it finish
     * what it is doing. Returns at once; {@link #awaitExit} waits for the end.
     */
    void terminate() {
        process.destroy();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String output() {
        return output.toString();
    }

    /**
     * The command and the output so far, appended to a failure message: its last {@value #REPORTED_LINES} lines, since
     * a server that served a whole test class has logged every request of it, and the newest lines are this test's.
     */
    String report() {
        List<String> lines = output.toString().lines().toList();
        int skipped = Math.max(0, lines.size() - REPORTED_LINES);
        String text = (skipped > 0 ? "(" + skipped + " earlier lines not shown)\n" : "")
                + String.join("\n", lines.subList(skipped, lines.size()));
        return "\n--- server command: " + String.join(" ", command)
                + "\n--- server output:\n" + (lines.isEmpty() ? "(none)" : text + "\n");
    }

    /**
     * Ends the server at once (SIGKILL on Unix). A test that is about how a server stops says so with
     * {@link #terminate}; at the end of any other test, a graceful stop would only cost time: a JVM that waits in
     * {@code accept()} takes about 300 ms to exit on SIGTERM, and the suite starts hundreds of servers.
     */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void pump(InputStream stream, StringBuffer own, String prefix) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (prefix.isEmpty()) {
                    firstLine.complete(line);
                }
                own.append(line).append('\n');
                output.append(prefix).append(line).append('\n');
            }
        } catch (IOException e) {
            output.append("(output unreadable: ").append(e.getMessage()).append(")\n");
        } finally {
            if (prefix.isEmpty()) {
                firstLine.completeExceptionally(new IllegalStateException("no output"));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
