package lowweb;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the server: reads the command line, binds the listening socket, tells the world where it listens and then
 * serves until the process is stopped.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine;
        try {
            commandLine = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        try (Server server = Server.bind(commandLine)) {
            // The first line of output is a contract: tests and scripts read the port from it.
            System.out.println("Listening on " + server.address());
            System.out.flush();
            server.serve();
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: cannot listen on " + commandLine.host() + ":" + commandLine.port()
                    + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
