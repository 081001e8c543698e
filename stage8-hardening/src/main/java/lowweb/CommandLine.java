package lowweb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The command-line flags. Every stage accepts {@code --port} and {@code --root}, so any stage can be started the same
 * way by a person, a script or the conformance suite. From this stage on, the flags override the settings file.
 *
 * @param config the settings file given with {@code --config}
 * @param host   the address to listen on, instead of the settings' {@code host}
 * @param port   the TCP port, instead of the settings' {@code port}; 0 lets the operating system choose a free one
 * @param root   the folder whose files are served, instead of the settings' {@code root}
 */
public record CommandLine(Optional<Path> config, Optional<String> host, OptionalInt port, Optional<Path> root) {

    public static final String USAGE =
            "usage: java -jar <stage>.jar [--config FILE] [--host ADDRESS] [--port N] [--root DIR]";

    /** Parses the flags; throws {@link IllegalArgumentException} with a message naming the bad flag or value. */
    public static CommandLine parse(String[] args) {
        Optional<Path> config = Optional.empty();
        Optional<String> host = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<Path> root = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--config" -> config = Optional.of(Path.of(valueOf(flag, args, ++i)));
                case "--host" -> host = Optional.of(valueOf(flag, args, ++i));
                case "--port" -> port = OptionalInt.of(parsePort(valueOf(flag, args, ++i)));
                case "--root" -> root = Optional.of(Path.of(valueOf(flag, args, ++i)));
                default -> throw new IllegalArgumentException("unknown flag " + quoted(flag));
            }
        }
        if (root.isPresent() && !Files.isDirectory(root.get())) {
            throw new IllegalArgumentException(
                    "--root must be an existing folder, got " + quoted(root.get().toString()));
        }
        return new CommandLine(config, host, port, root);
    }

    /**
     * The settings with the flags applied. Only the built-in defaults can still name a root that does not exist: a
     * settings file's root and {@code --root} were checked when they were read.
     */
    Settings applyTo(Settings settings) {
        Settings applied = settings.with(Settings.HOST, host.orElse(settings.host()))
                .with(Settings.PORT, port.orElse(settings.port()))
                .with(Settings.ROOT, root.orElse(settings.root()));
        if (!Files.isDirectory(applied.root())) {
            throw new IllegalArgumentException("no " + SettingsFile.DEFAULT_FILE + " here and no folder "
                    + quoted(applied.root().toString()) + " to serve; give --config FILE or --root DIR");
        }
        return applied;
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
