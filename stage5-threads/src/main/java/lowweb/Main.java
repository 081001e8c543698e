package lowweb;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the server: reads the command line and the settings, binds the listening socket, tells the world where it
 * listens and then serves until the process is told to stop.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
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
}
