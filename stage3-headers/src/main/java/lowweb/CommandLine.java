package lowweb;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command-line flags. Every stage accepts {@code --port} and {@code --root}, so any stage can be started the same
 * way by a person, a script or the conformance suite.
 *
 * @param host the address to listen on; only the loopback interface, so a lesson never exposes a half-built server
 * @param port the TCP port; 0 lets the operating system choose a free one
 * @param root the folder whose files are served
 */
public record CommandLine(String host, int port, Path root) {

    public static final String USAGE = "usage: java -jar <stage>.jar [--port N] [--root DIR]";

    private static final int DEFAULT_PORT = 8080;
    private static final String LOOPBACK = "127.0.0.1";

    /** Parses the flags; throws {@link IllegalArgumentException} with a message naming the bad flag or value. */
    public static CommandLine parse(String[] args) {
        int port = DEFAULT_PORT;
        Path root = Path.of("shared-site");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--port" -> port = parsePort(valueOf(flag, args, ++i));
                case "--root" -> root = Path.of(valueOf(flag, args, ++i));
                default -> throw new IllegalArgumentException("unknown flag " + quoted(flag));
            }
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("--root must be an existing folder, got " + quoted(root.toString()));
        }
        return new CommandLine(LOOPBACK, port, root);
    }

    private static String valueOf(String flag, String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Falls through to the same message as an out-of-range number.
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + quoted(text));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
