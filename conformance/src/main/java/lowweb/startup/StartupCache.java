package lowweb.startup;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run that makes a server's start-up cache at build time. Most of a Java server's first 300 ms go to
 * loading, verifying and linking the classes that serve the first requests. The JVM can keep that work in a file and
 * map it at the next start: an AOT cache on a JDK 25 or newer ({@code -XX:AOTCacheOutput}), a dynamic class-data
 * archive on a JDK 21 to 24 ({@code -XX:ArchiveClassesAtExit}). Both are written when the JVM exits, so this program
 * starts the server with the option, sends it the requests a real start-up meets first, stops it with SIGTERM and
 * waits. It then writes a java argument file that names the cache, for {@code java @jvm.options @startup.options}.
 *
 * <p>The cache belongs to the JDK that made it. Started by another JDK build, the JVM sets it aside and starts as
 * usual; another JDK version may not know the option at all, so the argument file asks the JVM to ignore an option
 * it does not know. Where SIGTERM cannot end the server gracefully (Windows stops a process at once), no cache is
 * written, and the argument file says so and names none.
 *
 * <p>Arguments: the server's jar, its JVM options file, its settings file, the folder to serve, and the folder to
 * write into. The training run reads a copy of the settings file, as the server does at every real start: reading it
 * is a good part of the start-up, and a cache made without it would leave that part out.
 */
public final class StartupCache {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://([^/:]+):(\\d+)/");
    /** The root's member in our own settings file, made at build time: not text a client sends. */
    private static final Pattern SETTINGS_ROOT = Pattern.compile("\"root\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final long WAIT_SECONDS = 60;
    /** What a browser's first visit asks for, and the answers a start-up meets soon after: 404, 304, 206, HEAD. */
    private static final List<String> REQUESTS = List.of(
            "GET / HTTP/1.1", "GET /css/style.css HTTP/1.1", "GET /img/photo.jpg HTTP/1.1",
            "GET /img/large.png HTTP/1.1", "GET /favicon.ico HTTP/1.1", "HEAD /index.html HTTP/1.1",
            "GET /no-such-page HTTP/1.1", "GET /files/sample.bin HTTP/1.1", "GET /docs HTTP/1.1",
            "GET /hello.txt HTTP/1.1\r\nRange: bytes=0-4",
            "GET /hello.txt HTTP/1.1\r\nIf-Modified-Since: Sun, 06 Nov 2044 08:49:37 GMT",
            "BREW / HTTP/1.1", "GET /%zz HTTP/1.1");

    private StartupCache() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: StartupCache SERVER.jar JVM.options SETTINGS.json SITE OUTPUT-FOLDER");
            System.exit(2);
        }
        Path out = Path.of(args[4]).toAbsolutePath();
        Path training = Files.createDirectories(out.resolve("startup-cache"));
        Path site = Path.of(args[3]).toAbsolutePath();
        Path settings = trainingSettings(Path.of(args[2]), site, training);
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = training.resolve(aot ? "server.aot" : "server.jsa");
        Files.deleteIfExists(cache);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "@" + Path.of(args[1]).toAbsolutePath(),
                (aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache,
                "-jar", Path.of(args[0]).toAbsolutePath().toString(), "--config", settings.toString(),
                "--port", "0");
        Path log = training.resolve("training.log");
        String failure = train(command, training, log);

        List<String> options = new ArrayList<>(List.of(
                "# The server's start-up cache, written by the build's training run (lowweb.startup.StartupCache)",
                "# with Java " + Runtime.version() + ". Read as: java @jvm.options @target/startup.options -jar"));
        if (failure == null && Files.isRegularFile(cache)) {
            options.addAll(List.of(
                    "# Another JDK version may not know the option; it then starts without the cache. A cache it",
                    "# cannot use (another JDK build, a deleted file) makes the JVM say so: on standard error, since",
                    "# the first line on standard output is the server's Listening line, which scripts and tests read.",
                    "-XX:+IgnoreUnrecognizedVMOptions",
                    "-Xlog:disable",
                    "-Xlog:all=warning:stderr",
                    (aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + cache));
            System.out.println("start-up cache: " + cache + " (" + Files.size(cache) / 1024 + " KB)");
        } else {
            // The server runs as well without the cache, only its start is slower: no reason to fail the build.
            String why = failure != null ? failure : "the JVM wrote none";
            options.addAll(List.of(
                    "# No cache: " + why + " (see startup-cache/training.log).",
                    "# On Windows no signal asks a process to exit as SIGTERM does: the JVM never writes it there."));
            System.out.println("warning: no start-up cache: " + why);
        }
        Files.write(out.resolve("startup.options"), options, StandardCharsets.UTF_8);
    }

    /**
     * A copy of the settings in the training folder, so that what a relative path names, such as the access log,
     * lands there; its {@code root}, which the server checks before a flag could replace it, names the site.
     */
    static Path trainingSettings(Path settings, Path site, Path folder) throws IOException {
        String json = SETTINGS_ROOT.matcher(Files.readString(settings, StandardCharsets.UTF_8)).replaceFirst(
                Matcher.quoteReplacement("\"root\": \"" + site.toString().replace("\\", "\\\\") + "\""));
        return Files.writeString(folder.resolve("settings.json"), json, StandardCharsets.UTF_8);
    }

    /**
     * Starts the server with {@code command}, sends it {@link #REQUESTS} and stops it; returns why that failed, or
     * null. The server's output goes to a file, not to a pipe this program would have to keep reading while the JVM
     * writes the cache on its way out.
     */
    private static String train(List<String> command, Path folder, Path log) throws InterruptedException {
        Process server;
        try {
            server = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return "the server did not start: " + e.getMessage();
        }
        try {
            int port = awaitPort(server, log);
            for (String request : REQUESTS) {
                exchange(port, request);
            }
        } catch (IOException e) {
            return "the training run failed: " + e.getMessage();
        } finally {
            // SIGTERM on Linux and macOS: the server shuts down and the JVM writes the cache on its way out.
            server.destroy();
            if (!server.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        return null;
    }

    /** Waits for the server's {@code Listening on} line in its log and returns the port it names. */
    private static int awaitPort(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return Integer.parseInt(listening.group(2));
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new IOException("the server did not say where it listens; its output is in " + log);
    }

    /** Sends one request with {@code Connection: close} and reads the answer to its end. */
    private static void exchange(int port, String requestHead) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((requestHead + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
        }
    }
}
