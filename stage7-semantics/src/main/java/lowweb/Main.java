package lowweb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Starts the server: reads the command line and the settings, binds the listening socket, tells the world where it
 * listens and then serves until the process is told to stop.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (!fileNamesAreUtf8()) {
            System.err.println("error: file names are read as " + System.getProperty("sun.jnu.encoding")
                    + ", the character set of this locale, so names beyond ASCII could not be served;"
                    + " start the server under a UTF-8 locale, for example with LC_ALL=C.UTF-8");
            System.exit(1);
            return;
        }
        Settings settings;
        try {
            CommandLine commandLine = CommandLine.parse(args);
            settings = commandLine.applyTo(SettingsFile.load(commandLine.config()));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        } catch (SettingsError e) {
            // One line that says what to fix: the usage would only hide it, since the flags were fine.
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        Server server;
        try {
            server = Server.bind(settings);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        // Ctrl+C (SIGINT) and a service manager's stop (SIGTERM) both run the shutdown hooks before the JVM exits.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutDown, "shutdown"));
        // The first line of output is a contract: tests and scripts read the port from it.
        System.out.println("Listening on " + server.address());
        System.out.flush();
        try {
            server.serve();
        } catch (InterruptedException e) {
            // Nothing here interrupts the main thread. Should something do so, main ends, and so does the JVM: the
            // shutdown hook still stops the server gracefully.
            Thread.currentThread().interrupt();
        }
    }

    /**
     * File names are bytes on Linux, and the JVM turns a name into bytes with the character set of the locale it
     * started in ({@code sun.jnu.encoding}), fixed for the life of the process. Under {@code LANG=C}, the default in
     * many containers and service managers, that is ASCII: a request for {@code files/привет.txt} could not even name
     * its file, on every try. Refusing to start says so once, with the fix. Windows names files in UTF-16 and macOS
     * always in UTF-8, whatever the locale.
     */
    private static boolean fileNamesAreUtf8() {
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        return System.getProperty("os.name", "").startsWith("Windows")
                || Charset.isSupported(charset) && Charset.forName(charset).equals(StandardCharsets.UTF_8);
    }
}
